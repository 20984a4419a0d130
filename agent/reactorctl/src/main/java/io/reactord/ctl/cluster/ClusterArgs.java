package io.reactord.ctl.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * drbd-reactorctl's global cluster options, taken out of a command line wherever they stand (before or after the
 * command, as clap's global options): {@code --context NAME}, {@code --nodes A,B} (repeatable, comma-separated)
 * and {@code --local}. {@code rest} is the command line without them. Words after {@code --} are left alone, and
 * so is {@code --local} after {@code move}, whose own option it is.
 *
 * @param context  the context named, or null (drbd-reactorctl's {@code default})
 * @param nodes    the node names given with {@code --nodes}, in order
 * @param local    {@code --local}: run here only (what the peers are asked to run)
 * @param error    a usage error ({@code --context} without a name), or null
 */
public record ClusterArgs(String context, List<String> nodes, boolean local, List<String> rest, String error) {
    /** drbd-reactorctl's context when none is named; a missing {@code default.toml} means "this node only". */
    public static final String DEFAULT_CONTEXT = "default";

    public ClusterArgs {
        nodes = List.copyOf(nodes);
        rest = List.copyOf(rest);
    }

    public static ClusterArgs parse(String[] args) {
        String context = null;
        List<String> nodes = new ArrayList<>();
        boolean local = false;
        List<String> rest = new ArrayList<>();
        String error = null;
        boolean literal = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (literal) {
                rest.add(a);
            } else if (a.equals("--")) {
                literal = true;
                rest.add(a);
            } else if (a.equals("--local") && !"move".equals(command(rest))) {
                local = true; // move has an option of that name: what it runs on the peers
            } else if (a.equals("--context") || a.equals("--nodes")) {
                if (i + 1 >= args.length) {
                    error = a + " needs a value";
                    break;
                }
                String v = args[++i];
                if (a.equals("--context")) {
                    context = v;
                } else {
                    split(v, nodes);
                }
            } else if (a.startsWith("--context=")) {
                context = a.substring("--context=".length());
            } else if (a.startsWith("--nodes=")) {
                split(a.substring("--nodes=".length()), nodes);
            } else {
                rest.add(a);
            }
        }
        if (error == null && context != null && context.isEmpty()) {
            error = "--context needs a name";
        }
        return new ClusterArgs(context, nodes, local, rest, error);
    }

    /** Whether the command line names a context or nodes. */
    public boolean explicit() {
        return context != null || !nodes.isEmpty();
    }

    public String[] restArray() {
        return rest.toArray(new String[0]);
    }

    /** The command word of {@code rest} so far: the first word that is no option or value of {@code -c}. */
    private static String command(List<String> rest) {
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.equals("-c") || a.equals("--config")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static void split(String v, List<String> into) {
        for (String n : v.split(",", -1)) {
            if (!n.isEmpty() && !into.contains(n)) {
                into.add(n);
            }
        }
    }
}
