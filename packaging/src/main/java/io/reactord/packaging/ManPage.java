package io.reactord.packaging;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders a {@code man(7)} page from a picocli command tree: name, synopsis, description, options,
 * positional parameters and one subsection per visible subcommand (recursively), followed by the
 * caller's extra sections (exit status, files, see also). Built from the live model at package time, so a
 * subcommand added to the code appears in the page without anyone editing it.
 */
public final class ManPage {

    /** An extra section: its title and plain-text paragraphs. */
    public record Section(String title, List<String> paragraphs) {}

    private static final Pattern MARKUP = Pattern.compile("@\\|[\\w,:()#]+ (.*?)\\|@", Pattern.DOTALL);

    private ManPage() {}

    /**
     * @param section man section, e.g. "8"
     * @param date date shown in the footer, ISO format
     * @param source e.g. "reactord 0.1.0"
     */
    public static String render(CommandLine root, String section, String date, String source, List<Section> extra) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder out = new StringBuilder();
        String name = spec.name();
        out.append(".TH ").append(quote(name.toUpperCase(java.util.Locale.ROOT))).append(' ').append(section)
                .append(' ').append(quote(date)).append(' ').append(quote(source)).append(' ')
                .append(quote("System Administration")).append('\n');
        out.append(".SH NAME\n").append(escape(name)).append(" \\- ")
                .append(escape(firstSentence(spec.usageMessage().description()))).append('\n');
        out.append(".SH SYNOPSIS\n");
        synopsis(out, spec, name);
        out.append(".SH DESCRIPTION\n");
        paragraphs(out, spec.usageMessage().description());
        arguments(out, spec, ".SH");
        List<CommandLine> subs = visibleSubcommands(root);
        if (!subs.isEmpty()) {
            out.append(".SH COMMANDS\n");
            for (CommandLine sub : subs) {
                subcommand(out, sub, name);
            }
        }
        for (Section s : extra) {
            out.append(".SH ").append(quote(s.title().toUpperCase(java.util.Locale.ROOT))).append('\n');
            for (String p : s.paragraphs()) {
                out.append(".PP\n").append(escape(p)).append('\n');
            }
        }
        return out.toString();
    }

    private static void subcommand(StringBuilder out, CommandLine cl, String parentPath) {
        CommandSpec spec = cl.getCommandSpec();
        String path = parentPath + " " + spec.name();
        out.append(".SS ").append(quote(path)).append('\n');
        synopsis(out, spec, path);
        paragraphs(out, spec.usageMessage().description());
        arguments(out, spec, null);
        for (CommandLine sub : visibleSubcommands(cl)) {
            subcommand(out, sub, path);
        }
    }

    private static void synopsis(StringBuilder out, CommandSpec spec, String path) {
        StringBuilder line = new StringBuilder();
        line.append(".B ").append(quote(path)).append('\n');
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            String n = o.longestName() + (o.arity().max() > 0 ? "=" + o.paramLabel() : "");
            line.append(o.required() ? "" : "[").append("\\fB").append(escape(n)).append("\\fR")
                    .append(o.required() ? "" : "]").append('\n');
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                String label = "\\fI" + escape(p.paramLabel()) + "\\fR" + (p.arity().max() > 1 ? "..." : "");
                line.append(p.arity().min() == 0 ? "[" + label + "]" : label).append('\n');
            }
        }
        if (!visibleSubcommands(spec.commandLine()).isEmpty()) {
            line.append("\\fICOMMAND\\fR\n");
        }
        out.append(".PP\n").append(line);
    }

    private static void arguments(StringBuilder out, CommandSpec spec, String heading) {
        List<ArgSpec> args = new ArrayList<>();
        spec.options().stream().filter(o -> !o.hidden()).forEach(args::add);
        spec.positionalParameters().stream().filter(p -> !p.hidden()).forEach(args::add);
        if (args.isEmpty()) {
            return;
        }
        if (heading != null) {
            out.append(heading).append(" OPTIONS\n");
        }
        for (ArgSpec a : args) {
            out.append(".TP\n");
            if (a instanceof OptionSpec o) {
                List<String> names = new ArrayList<>();
                for (String n : o.names()) {
                    names.add("\\fB" + escape(n) + "\\fR");
                }
                out.append(String.join(", ", names));
                if (o.arity().max() > 0) {
                    out.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
                }
            } else {
                out.append("\\fI").append(escape(a.paramLabel())).append("\\fR");
            }
            out.append('\n').append(escape(plain(String.join(" ", a.description())).strip())).append('\n');
        }
    }

    private static List<CommandLine> visibleSubcommands(CommandLine cl) {
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<CommandLine> subs = new ArrayList<>();
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && seen.put(sub, Boolean.TRUE) == null) {
                subs.add(sub);
            }
        }
        return subs;
    }

    private static void paragraphs(StringBuilder out, String[] lines) {
        for (String l : lines) {
            for (String p : plain(l).split("\n")) {
                if (!p.isBlank()) {
                    out.append(".PP\n").append(escape(p.strip())).append('\n');
                }
            }
        }
    }

    /** Resolves picocli's format specifiers ({@code %n}, {@code %%}) and strips its {@code @|style text|@} markup. */
    static String plain(String text) {
        return MARKUP.matcher(text).replaceAll("$1").replace("%n", "\n").replace("%%", "%");
    }

    private static String firstSentence(String[] description) {
        if (description.length == 0) {
            return "";
        }
        String d = plain(description[0]).strip().split("\n")[0];
        int dot = d.indexOf(". ");
        return dot < 0 ? (d.endsWith(".") ? d.substring(0, d.length() - 1) : d) : d.substring(0, dot);
    }

    /** Escapes text for roff: backslashes, hyphens, and a leading dot or quote that would start a request. */
    static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-").replace("\n", " ");
        return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
    }

    private static String quote(String s) {
        return "\"" + escape(s).replace("\"", "\\(dq") + "\"";
    }
}
