package io.reactord.ctl;

import io.reactord.agent.files.ConfigFiles;
import io.reactord.config.HostInfo;
import io.reactord.config.PeersConfig;
import io.reactord.ctl.cluster.ClusterArgs;
import io.reactord.ctl.cluster.ClusterRun;
import io.reactord.ctl.cluster.ContextFile;
import io.reactord.ctl.status.QuickStatus;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * drbd-reactorctl's {@code --context}/{@code --nodes} for reactorctl's commands: decides whether a command line
 * runs on several nodes and runs it there ({@link ClusterRun}). The commands are drbd-reactorctl's that do so
 * (status, ls, cat, enable, disable, restart, rm), except {@code edit}, which needs a terminal on each node;
 * {@code rm} needs {@code -f} (there is nobody to answer its question on a peer).
 */
final class Clustered {
    static final Set<String> COMMANDS = Set.of("status", "ls", "cat", "enable", "disable", "restart", "rm");
    private static final Path DEFAULT_MAIN = Path.of("/etc/reactord.toml");

    private Clustered() {}

    /**
     * The exit code after running {@code line} (the command first, {@code --local}, {@code --context} and
     * {@code --nodes} taken out) on the context's nodes; -1 when it runs on this node only.
     */
    static int run(ClusterArgs ca, String[] line, Map<String, String> env, PrintStream out, PrintStream err) {
        String cmd = line.length == 0 ? "" : line[0];
        boolean help = List.of(line).contains("--help") || List.of(line).contains("-h");
        if (help || !COMMANDS.contains(cmd)) {
            if (help || !ca.explicit()) {
                return -1; // help, or a command that runs here only
            }
            return usage(err, "--context and --nodes work with status, ls, cat, enable, disable, restart and rm; '"
                    + io.reactord.agent.control.status.Terminal.safe(cmd) + "' runs on this node only");
        }
        String context = ca.context() == null ? ClusterArgs.DEFAULT_CONTEXT : ca.context();
        List<ContextFile.Node> nodes;
        try {
            nodes = ContextFile.nodes(context, env);
        } catch (ContextFile.ContextException e) {
            err.println("reactorctl: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (!ca.nodes().isEmpty()) {
            if (nodes.isEmpty()) {
                nodes = new ArrayList<>();
                for (String n : ca.nodes()) {
                    nodes.add(new ContextFile.Node(n, n, "root"));
                }
            } else {
                List<ContextFile.Node> chosen = new ArrayList<>();
                for (String n : ca.nodes()) {
                    ContextFile.Node found = nodes.stream().filter(x -> x.name().equals(n)).findFirst().orElse(null);
                    if (found == null) {
                        err.println("reactorctl: no node '" + io.reactord.agent.control.status.Terminal.safe(n) + "' in context '"
                                + context + "'");
                        return ExitCodes.NOT_FOUND;
                    }
                    chosen.add(found);
                }
                nodes = chosen;
            }
            nodes.sort(java.util.Comparator.comparing(ContextFile.Node::hostname)); // as drbd-reactorctl
        }
        if (nodes.isEmpty()) {
            return -1;
        }
        if (cmd.equals("rm") && !List.of(line).contains("-f") && !List.of(line).contains("--force")) {
            return usage(err, "rm on several nodes needs -f: nobody answers its question on a peer");
        }
        boolean json = cmd.equals("status") && List.of(line).contains("--json");
        return new ClusterRun(peers(line), HostInfo.detect().hostname(), out, err)
                .run(cmd, nodes, List.of(line), json, (o, e) -> here(line, o, e));
    }

    private static int usage(PrintStream err, String msg) {
        err.println("reactorctl: " + msg);
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The {@code [peers]} command of the main file named by {@code -c} (default /etc/reactord.toml). */
    static PeersConfig peers(String[] line) {
        Path main = DEFAULT_MAIN;
        for (int i = 0; i < line.length; i++) {
            String a = line[i];
            if ((a.equals("-c") || a.equals("--config")) && i + 1 < line.length) {
                main = Path.of(line[i + 1]);
            } else if (a.startsWith("--config=")) {
                main = Path.of(a.substring("--config=".length()));
            } else if (a.length() > 2 && a.startsWith("-c") && a.charAt(2) != '-') {
                main = Path.of(a.substring(2));
            }
        }
        if (!Files.exists(main)) {
            return PeersConfig.DEFAULT;
        }
        ConfigFiles cfg = ConfigFiles.load(main);
        return cfg.config() == null ? PeersConfig.DEFAULT : cfg.config().peers();
    }

    /** The command on this node, its output into {@code out}/{@code err} (the commands print to System.out). */
    private static int here(String[] line, PrintStream out, PrintStream err) {
        PrintStream o = System.out;
        PrintStream e = System.err;
        System.setOut(out);
        System.setErr(err);
        try {
            int rc = QuickStatus.run(line, out, err);
            return rc >= 0 ? rc : ReactorCtl.commandLineFor(line).execute(line);
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }
}
