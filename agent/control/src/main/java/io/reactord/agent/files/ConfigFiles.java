package io.reactord.agent.files;

import io.reactord.config.ConfigLoader;
import io.reactord.config.Diagnostic;
import io.reactord.config.HostInfo;
import io.reactord.config.LoadResult;
import io.reactord.config.PromoterResource;
import io.reactord.config.ReactordConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The configuration files as they are now, read leniently (reactorctl and the status report). Operators need status and the snippet commands most when
 * something is broken, so a snippet with errors does not hide the others: when the whole configuration
 * does not load, each snippet is read on its own and the main-file settings reactorctl needs
 * ({@code snippets}, {@code drbdsetup}, {@code socket}) are read from the main file's top level.
 */
public final class ConfigFiles {
    /** Suffix of a disabled snippet ({@code NAME.toml.disabled}), as drbd-reactorctl uses. */
    public static final String DISABLED_SUFFIX = ".disabled";

    private final Path mainFile;
    private final Path snippetsDir;
    private final String drbdsetup;
    private final Path socket;
    private final String hostname;
    private final ReactordConfig config;
    private final List<Diagnostic> errors;
    private List<Diagnostic> warnings = List.of();
    private final Map<Path, List<PromoterResource>> bySource = new LinkedHashMap<>();
    private final Map<Path, List<Diagnostic>> fileErrors = new LinkedHashMap<>();

    private ConfigFiles(Path mainFile, Path snippetsDir, String drbdsetup, Path socket, String hostname,
            ReactordConfig config, List<Diagnostic> errors) {
        this.mainFile = mainFile;
        this.snippetsDir = snippetsDir;
        this.drbdsetup = drbdsetup;
        this.socket = socket;
        this.hostname = hostname;
        this.config = config;
        this.errors = List.copyOf(errors);
    }

    /** Loads {@code mainFile} and its snippets. */
    public static ConfigFiles load(Path mainFile) {
        String host = HostInfo.detect().hostname();
        LoadResult r = ConfigLoader.load(mainFile);
        ConfigFiles c;
        if (r.ok()) {
            ReactordConfig rc = r.config();
            c = new ConfigFiles(mainFile, rc.snippetsDir(), rc.drbdsetup(), rc.socket(), host, rc, r.errors());
            for (PromoterResource p : rc.resources().values()) {
                c.bySource.computeIfAbsent(norm(p.source()), k -> new ArrayList<>()).add(p);
            }
        } else {
            Map<String, String> top = topLevel(mainFile);
            Path base = mainFile.toAbsolutePath().getParent();
            Path snippets = top.containsKey("snippets") ? base.resolve(top.get("snippets")) : Path.of("/etc/reactord.d");
            Path socket = top.containsKey("socket") ? Path.of(top.get("socket")) : Path.of("/run/reactord/reactord.sock");
            c = new ConfigFiles(mainFile, snippets, top.getOrDefault("drbdsetup", "drbdsetup"), socket, host, null, r.errors());
            for (Path f : c.snippetFiles(false)) {
                c.loadOne(f);
            }
        }
        c.warnings = List.copyOf(r.warnings());
        return c;
    }

    /** Resources of one snippet file (also a disabled one), loading it on its own when needed. */
    public List<PromoterResource> resourcesOf(Path file) {
        Path key = norm(file);
        if (!bySource.containsKey(key)) {
            if (config != null && !file.getFileName().toString().endsWith(DISABLED_SUFFIX) && Files.isRegularFile(file)) {
                // an enabled file the full load did not report holds no promoter resource
                return List.of();
            }
            loadOne(file);
        }
        return bySource.getOrDefault(key, List.of());
    }

    private void loadOne(Path f) {
        LoadResult r = ConfigLoader.loadSnippets(List.of(f));
        Path key = norm(f);
        if (r.ok()) {
            bySource.put(key, new ArrayList<>(r.config().resources().values()));
        } else {
            bySource.put(key, List.of());
            fileErrors.put(key, r.errors());
        }
    }

    /** Errors of a snippet that could not be read on its own (empty when fine or not yet read). */
    public List<Diagnostic> errorsOf(Path file) {
        return fileErrors.getOrDefault(norm(file), List.of());
    }

    /**
     * The snippet files in name order: {@code *.toml}, or with {@code disabled} the
     * {@code *.toml.disabled} ones. Hidden files are skipped.
     */
    public List<Path> snippetFiles(boolean disabled) {
        String suffix = disabled ? ".toml" + DISABLED_SUFFIX : ".toml";
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(snippetsDir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(snippetsDir)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(suffix) && !n.startsWith(".");
            }).sorted().forEach(out::add);
        } catch (IOException e) {
            // an unreadable directory lists as empty; the config errors say why
        }
        return out;
    }

    /** Every promoter resource of the enabled configuration, by name, in file order. */
    public Map<String, PromoterResource> resources() {
        Map<String, PromoterResource> out = new LinkedHashMap<>();
        if (config != null) {
            out.putAll(config.resources());
        } else {
            bySource.forEach((f, list) -> {
                if (!f.getFileName().toString().endsWith(DISABLED_SUFFIX)) {
                    list.forEach(p -> out.putIfAbsent(p.name(), p));
                }
            });
        }
        return out;
    }

    /** The files that define promoter resources, main file included, in order (enabled configuration). */
    public List<Path> promoterSources() {
        List<Path> out = new ArrayList<>();
        for (PromoterResource p : resources().values()) {
            Path s = norm(p.source());
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    public Path mainFile() {
        return mainFile;
    }

    public Path snippetsDir() {
        return snippetsDir;
    }

    public String drbdsetup() {
        return drbdsetup;
    }

    public Path socket() {
        return socket;
    }

    /** This node's name ({@code uname -n}); null if it cannot be read. */
    public String hostname() {
        return hostname;
    }

    /** The full configuration, or null when it has errors. */
    public ReactordConfig config() {
        return config;
    }

    /** The warnings of the full load. */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    /** The errors of the full load (empty when it loaded). */
    public List<Diagnostic> errors() {
        return errors;
    }

    static Path norm(Path p) {
        return p == null ? Path.of("<config>") : p.toAbsolutePath().normalize();
    }

    /**
     * {@code snippets}, {@code drbdsetup} and {@code socket} from the top level of the main file, when readable:
     * {@code KEY = "VALUE"} (or single quotes) at the start of a line before the first table. Plain string
     * operations: a regular expression costs the short-lived status command some 15 ms to set up.
     */
    public static Map<String, String> topLevel(Path mainFile) {
        Map<String, String> out = new LinkedHashMap<>();
        String text;
        try {
            text = new String(Files.readAllBytes(mainFile), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return out; // unreadable: defaults apply, the load errors say why
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            String line = text.substring(start, end).strip();
            start = end + 1;
            if (line.startsWith("[")) {
                break;
            }
            int eq = line.indexOf('=');
            String key = eq > 0 ? line.substring(0, eq).strip() : "";
            if (key.equals("snippets") || key.equals("drbdsetup") || key.equals("socket")) {
                String value = quoted(line.substring(eq + 1).strip());
                if (value != null) {
                    out.put(key, value);
                }
            }
        }
        return out;
    }

    /** The text between a leading quote and the next quote of either kind; null when not quoted. */
    private static String quoted(String s) {
        if (s.isEmpty() || s.charAt(0) != '"' && s.charAt(0) != '\'') {
            return null;
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                return s.substring(1, i);
            }
        }
        return null;
    }
}
