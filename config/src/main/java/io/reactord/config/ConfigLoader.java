package io.reactord.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads and validates reactord's configuration: the main file (default {@code /etc/reactord.toml})
 * and every {@code *.toml} in its snippets directory, each parsed on its own so that messages name
 * the right file and line. It never throws for bad input: every problem becomes a
 * {@link Diagnostic}, and all of them are reported in one run.
 *
 * <p>A snippet with an error is left out as a whole; the others still make up a usable configuration
 * ({@link LoadResult#usable()}), which the daemon runs while {@code check} reports the errors. An error
 * in the main file leaves nothing usable.
 */
public final class ConfigLoader {
    private final HostInfo host;

    private ConfigLoader(HostInfo host) {
        this.host = host;
    }

    /** The default main file, {@code /etc/reactord.toml}. */
    public static final Path DEFAULT_MAIN_FILE = MainBinder.DEFAULT_MAIN;

    /** A loader for an explicit node name ({@code preferred-nodes} check) and root-ness (ownership check). */
    public static ConfigLoader withHost(String hostname, boolean asRoot) {
        return new ConfigLoader(new HostInfo(hostname, asRoot));
    }

    /** This loader with OCF agents looked up under {@code ocfRoot} instead of {@code OCF_ROOT}. */
    public ConfigLoader withOcfRoot(Path ocfRoot) {
        return new ConfigLoader(new HostInfo(host.hostname(), host.asRoot(), ocfRoot));
    }

    /** The main file with its snippets, checked for this machine and process. */
    public static LoadResult load(Path mainFile) {
        return new ConfigLoader(HostInfo.detect()).loadMain(mainFile);
    }

    /** Only the given snippet files, with defaults for every main-file key. */
    public static LoadResult loadSnippets(List<Path> files) {
        return new ConfigLoader(HostInfo.detect()).loadFiles(files);
    }

    /** As {@link #load(Path)} with this loader's host. */
    public LoadResult loadMain(Path mainFile) {
        Issues issues = new Issues();
        Assembly into = new Assembly(host);
        issues.note(mainFile);
        MainBinder.Main main = null;
        boolean listed = true;
        try {
            String text = ConfigFiles.read(mainFile, issues, host);
            Path mainDir = mainFile.toAbsolutePath().getParent();
            if (text != null && mainDir != null) {
                ConfigFiles.checkDirectory(mainDir, "the main file's directory", issues, host);
            }
            TomlNode.Table root = text == null ? null : parse(mainFile, text, issues);
            if (root != null) {
                Section s = new Section(issues, mainFile, root, "");
                main = MainBinder.bind(s, mainFile);
                Assembly part = new Assembly(host);
                plugins(s, part);
                s.finish();
                into.merge(mainFile, part, issues);
                int beforeListing = issues.errorCount();
                List<Path> snippets = ConfigFiles.snippets(main.snippets(), main.snippetsLine(), issues, mainFile, host);
                // without the list of snippets nothing says which resources exist: nothing is usable
                listed = issues.errorCount() == beforeListing;
                for (Path snippet : snippets) {
                    guarded(snippet, mainFile, issues, into);
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            issues.error(mainFile, 0, "internal error while loading: " + e);
            main = null;
        }
        if (!listed || mainErrors(issues, mainFile)) main = null;
        return result(mainFile, main, issues, into);
    }

    private static boolean mainErrors(Issues issues, Path mainFile) {
        return issues.errors().stream().anyMatch(d -> mainFile.equals(d.file()));
    }

    /** As {@link #loadSnippets(List)} with this loader's host. */
    public LoadResult loadFiles(List<Path> files) {
        Issues issues = new Issues();
        Assembly into = new Assembly(host);
        for (Path f : files) {
            guarded(f, null, issues, into);
        }
        return result(null, MainBinder.defaults(), issues, into);
    }

    /** Loads one snippet; a bug in the loader becomes an error about that file instead of an exception. */
    private void guarded(Path file, Path mainFile, Issues issues, Assembly into) {
        try {
            snippet(file, mainFile, issues, into);
        } catch (RuntimeException | StackOverflowError e) {
            issues.error(file, 0, "internal error while loading: " + e);
            into.rejected.add(file);
        }
    }

    private void snippet(Path file, Path mainFile, Issues issues, Assembly into) {
        issues.note(file);
        int before = issues.errorCount();
        try {
            if (mainFile != null && ConfigFiles.refuseOutsideLink(file, issues)) return;
            String text = ConfigFiles.read(file, issues, host);
            if (text == null) return;
            TomlNode.Table root = parse(file, text, issues);
            if (root == null) return;
            Section s = new Section(issues, file, root, "");
            MainBinder.rejectInSnippet(s, mainFile);
            Assembly part = new Assembly(host);
            part.logs.addAll(MainBinder.logs(s));
            plugins(s, part);
            s.finish();
            if (issues.errorCount() == before) into.merge(file, part, issues);
        } finally {
            if (issues.errorCount() > before) into.rejected.add(file);
        }
    }

    private static void plugins(Section root, Assembly into) {
        PromoterBinder.bind(root, into);
        UmhBinder.bind(root, into);
        PluginBinder.bind(root, into);
    }

    private static TomlNode.Table parse(Path file, String text, Issues issues) {
        try {
            return TomlParser.parse(text);
        } catch (TomlParser.SyntaxError e) {
            issues.error(file, e.line, "TOML syntax error: " + e.getMessage());
            return null;
        }
    }

    private static LoadResult result(Path mainFile, MainBinder.Main main, Issues issues, Assembly into) {
        ReactordConfig usable = null;
        if (main != null && (mainFile == null || !into.rejected.contains(mainFile))) {
            List<LogConfig> logs = new java.util.ArrayList<>(main.logs());
            logs.addAll(into.logs);
            usable = new ReactordConfig(mainFile, main.snippets(), main.statisticsPollInterval(),
                    main.snippetsMonitoringInterval(), logs.isEmpty() ? List.of(LogConfig.DEFAULT) : logs, main.drbdsetup(),
                    main.unitDir(), main.stateDir(), main.socket(), into.resources, into.umh, into.prometheus, into.debugger,
                    main.peers());
        }
        return new LoadResult(issues.hasErrors() ? null : usable, issues.errors(), issues.warnings(), usable, into.rejected);
    }
}
