package io.reactord.ctl.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * A drbd-reactorctl context file, read where drbd-reactorctl reads it ({@code $XDG_CONFIG_HOME/drbd-reactorctl/NAME.toml},
 * else {@code ~/.config/drbd-reactorctl/NAME.toml}), so existing contexts work unchanged: {@code [nodes.NAME]} tables
 * with {@code hostname} (default NAME) and {@code user} (default root), and {@code nodes-script}, a program in that
 * directory whose output is read as more of the file. The contexts {@code none} and {@code local}, and a missing
 * {@code default.toml}, mean "this node only".
 */
public final class ContextFile {
    private static final long SCRIPT_TIMEOUT_MS = 30_000;

    /** One node of a context: its name in the file, where to reach it, and the login drbd-reactorctl would use. */
    public record Node(String name, String hostname, String user) {}

    /** A context that cannot be read; the message is one line. */
    public static final class ContextException extends Exception {
        public ContextException(String message) {
            super(message);
        }
    }

    private ContextFile() {}

    /** drbd-reactorctl's directory of context files, or null when neither variable is set. */
    static Path dir(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "drbd-reactorctl");
        }
        String home = env.get("HOME");
        return home == null || home.isEmpty() ? null : Path.of(home, ".config", "drbd-reactorctl");
    }

    /** The nodes of {@code context}, sorted by host name; empty for "this node only". */
    public static List<Node> nodes(String context, Map<String, String> env) throws ContextException {
        if (context.equals("none") || context.equals("local")) {
            return List.of();
        }
        if (context.contains("/") || context.startsWith(".")) {
            throw new ContextException("context name '" + context + "' must not contain '/' or start with '.'");
        }
        Path dir = dir(env);
        boolean fallback = context.equals(ClusterArgs.DEFAULT_CONTEXT);
        if (dir == null) {
            if (fallback) {
                return List.of();
            }
            throw new ContextException("no context directory: neither XDG_CONFIG_HOME nor HOME is set");
        }
        Path file = dir.resolve(context + ".toml");
        if (!Files.exists(file)) {
            if (fallback) {
                return List.of();
            }
            throw new ContextException("no context '" + context + "': " + file + " does not exist");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContextException("cannot read " + file + ": " + e.getMessage());
        }
        TomlParseResult t = parse(text, file);
        if (t.get("nodes-script") instanceof String script) {
            text = text + "\n" + runScript(dir.resolve(script));
            t = parse(text, file);
        }
        List<Node> out = new ArrayList<>();
        if (t.get("nodes") instanceof TomlTable nodes) {
            for (String name : nodes.keySet()) {
                if (!(nodes.get(List.of(name)) instanceof TomlTable n)) {
                    throw new ContextException(file + ": nodes." + name + " is not a table");
                }
                String host = n.get("hostname") instanceof String h && !h.isEmpty() ? h : name;
                String user = n.get("user") instanceof String u ? u : "root";
                out.add(new Node(name, host, user));
            }
        }
        out.sort(Comparator.comparing(Node::hostname));
        return out;
    }

    private static TomlParseResult parse(String text, Path file) throws ContextException {
        TomlParseResult t = Toml.parse(text);
        if (t.hasErrors()) {
            throw new ContextException(file + ": " + t.errors().get(0).toString().replaceAll("[\\r\\n]+", " "));
        }
        return t;
    }

    /** Runs the nodes script (no shell, no arguments) and returns its output. */
    private static String runScript(Path script) throws ContextException {
        ProcessBuilder pb = new ProcessBuilder(script.toString());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            java.util.concurrent.CompletableFuture<String> out =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            if (!p.waitFor(SCRIPT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ContextException("nodes script " + script + " did not finish within " + SCRIPT_TIMEOUT_MS / 1000 + " s");
            }
            if (p.exitValue() != 0) {
                throw new ContextException("nodes script " + script + " failed (exit code " + p.exitValue() + ")");
            }
            return out.join();
        } catch (IOException e) {
            throw new ContextException("cannot run nodes script " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContextException("interrupted");
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
