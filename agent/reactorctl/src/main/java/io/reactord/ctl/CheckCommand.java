package io.reactord.ctl;

import io.reactord.config.ConfigLoader;
import io.reactord.config.Diagnostic;
import io.reactord.config.HostInfo;
import io.reactord.config.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reactorctl check}: validates the configuration without touching the daemon. Prints every
 * error as {@code path:line: message} and every warning as {@code path:line: warning: message},
 * then a summary; exits 0 when the configuration is usable (warnings allowed), 1 when it is not. When
 * only snippets are broken it also says which files the daemon would leave out (it runs the rest).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the configuration: the main file with its snippets, or only the given snippet files.",
                "Prints all errors and warnings as path:line: message; exits 0 when valid, 1 when not."})
public final class CheckCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "MAIN",
            description = "main configuration file (default: ${DEFAULT-VALUE})")
    Path config = ConfigLoader.DEFAULT_MAIN_FILE;

    @Option(names = "--hostname", paramLabel = "NAME",
            description = "node name for the preferred-nodes check (default: this host's uname -n)")
    String hostname;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "snippet files to check on their own, with defaults for the main-file settings")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HostInfo here = HostInfo.detect();
        ConfigLoader loader = ConfigLoader.withHost(hostname != null ? hostname : here.hostname(), here.asRoot());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean asMain = files.size() == 1 && namesSnippets(files.get(0));
        if (asMain) {
            err.println(files.get(0) + ": sets 'snippets', so it is a main file: checked as one, with its snippets"
                    + " (as check -c " + files.get(0) + ")");
        }
        LoadResult r = files.isEmpty() ? loader.loadMain(config) : asMain ? loader.loadMain(files.get(0)) : loader.loadFiles(files);

        List<Diagnostic> all = new ArrayList<>(r.errors());
        all.addAll(r.warnings());
        List<Path> order = new ArrayList<>();
        for (Diagnostic d : all) if (!order.contains(d.file())) order.add(d.file());
        all.sort(Comparator.<Diagnostic>comparingInt(d -> order.indexOf(d.file())).thenComparingInt(Diagnostic::line));
        for (Diagnostic d : all) {
            boolean warning = r.warnings().contains(d) && !r.errors().contains(d);
            err.println(warning ? new Diagnostic(d.file(), d.line(), "warning: " + d.message()) : d);
        }
        err.flush();

        String what = files.isEmpty() ? config.toString() : files.size() == 1 ? files.get(0).toString() : files.size() + " files";
        if (r.ok()) {
            int resources = r.config().resources().size();
            out.println(what + ": OK, " + resources + (resources == 1 ? " promoter resource" : " promoter resources")
                    + count(r.warnings().size(), "warning"));
            out.flush();
            return ExitCodes.OK;
        }
        out.println(what + ": INVALID, " + r.errors().size() + (r.errors().size() == 1 ? " error" : " errors")
                + count(r.warnings().size(), "warning"));
        if (files.isEmpty() && r.usable() != null && !r.rejected().isEmpty()) {
            List<String> names = r.rejected().stream().map(Path::toString).toList();
            int resources = r.usable().resources().size();
            out.println("reactord would leave out " + String.join(", ", names) + " and manage the other "
                    + resources + (resources == 1 ? " promoter resource" : " promoter resources"));
        }
        out.flush();
        return ExitCodes.FAILURE;
    }

    /** Whether {@code file} sets {@code snippets} before its first table: only a main file does. */
    static boolean namesSnippets(Path file) {
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String t = line.strip();
                if (t.startsWith("[")) {
                    return false;
                }
                if (t.matches("\"?snippets\"?\\s*=.*")) {
                    return true;
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false; // the snippet check reports the unreadable file
        }
        return false;
    }

    private static String count(int n, String word) {
        return n == 0 ? "" : ", " + n + " " + word + (n == 1 ? "" : "s");
    }
}
