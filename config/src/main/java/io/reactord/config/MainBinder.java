package io.reactord.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the main-file settings. Every key is read on one line below with its name, default and
 * validation. Snippets may not set these keys; they hold plugin tables only.
 */
final class MainBinder {
    private MainBinder() {}

    static final Path DEFAULT_MAIN = Path.of("/etc/reactord.toml");
    static final Path DEFAULT_SNIPPETS = Path.of("/etc/reactord.d");
    static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");
    /** Longest path that fits a Unix socket address (sun_path is 108 bytes including the NUL). */
    static final int MAX_SOCKET_PATH = 107;
    static final List<String> MAIN_KEYS = List.of("snippets", "statistics-poll-interval", "snippets-monitoring-interval",
            "drbdsetup", "unit-dir", "state-dir", "socket", "peers");

    /** The main settings; {@code snippetsLine} is the line of {@code snippets}, 0 when not written. */
    record Main(Path snippets, int snippetsLine, Duration statisticsPollInterval, Duration snippetsMonitoringInterval,
            List<LogConfig> logs, String drbdsetup, Path unitDir, Path stateDir, Path socket, PeersConfig peers) {}

    /** The defaults, for runs that check snippet files only. */
    static Main defaults() {
        return new Main(DEFAULT_SNIPPETS, 0, Duration.ofSeconds(60), Duration.ZERO, List.of(),
                "drbdsetup", Path.of("/run/systemd/system"), Path.of("/var/lib/reactord"), Path.of("/run/reactord/reactord.sock"),
                PeersConfig.DEFAULT);
    }

    static Main bind(Section root, Path mainFile) {
        Main d = defaults();
        Path base = mainFile.toAbsolutePath().getParent();
        // key                                  default                         validation
        Path snippets = root.path("snippets", d.snippets(), base);
        Duration stats = root.duration("statistics-poll-interval", d.statisticsPollInterval(), Duration.ofSeconds(1), Duration.ofDays(1));
        Duration monitor = root.duration("snippets-monitoring-interval", d.snippetsMonitoringInterval(), Duration.ZERO, Duration.ofDays(1));
        String drbdsetup = root.string("drbdsetup", d.drbdsetup());
        Path unitDir = root.path("unit-dir", d.unitDir(), null);
        Path stateDir = root.path("state-dir", d.stateDir(), null);
        Path socket = root.path("socket", d.socket(), null);
        List<LogConfig> logs = logs(root);
        PeersConfig peers = peers(root, d.peers());

        if (drbdsetup.isBlank() || drbdsetup.indexOf('\0') >= 0) {
            root.error(root.table.entries.get("drbdsetup").line(), "'drbdsetup' must name a command, e.g. \"drbdsetup\" or \"/usr/sbin/drbdsetup\"");
            drbdsetup = d.drbdsetup();
        }
        if (socket.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            root.error(root.table.entries.get("socket").line(), "'socket' path is longer than " + MAX_SOCKET_PATH
                    + " bytes, the limit for a Unix socket");
            socket = d.socket();
        }
        TomlNode snippetsNode = root.table.entries.get("snippets");
        return new Main(snippets, snippetsNode == null ? 0 : snippetsNode.line(), stats, monitor, logs, drbdsetup, unitDir, stateDir, socket, peers);
    }

    /** {@code [peers]}: the command that reaches another node's reactorctl, and its timeout. */
    private static PeersConfig peers(Section root, PeersConfig d) {
        Section p = root.table("peers");
        if (p == null) return d;
        // key          default          validation
        List<TomlNode> items = p.strings("command");
        Duration timeout = p.duration("timeout", d.timeout(), Duration.ofSeconds(1), Duration.ofMinutes(5));
        List<String> command = d.command();
        TomlNode n = p.node("command");
        if (n != null && n.value() instanceof TomlNode.Array a && items.size() == a.items.size()) {
            List<String> c = items.stream().map(i -> (String) i.value()).toList();
            if (c.isEmpty() || c.get(0).isBlank()) {
                p.error(n.line(), "'command' must name a program, e.g. [\"ssh\", \"root@{node}\", \"reactorctl\"]");
            } else if (c.stream().anyMatch(s -> s.indexOf('\0') >= 0)) {
                p.error(n.line(), "'command' items must not contain NUL characters");
            } else if (c.stream().noneMatch(s -> s.contains(PeersConfig.NODE))) {
                p.error(n.line(), "'command' must contain " + PeersConfig.NODE + " (the peer's node name) in one of its items");
            } else {
                command = c;
            }
        }
        p.finish();
        return new PeersConfig(command, timeout);
    }

    /**
     * The {@code [[log]]} tables of a file. Snippets may hold them too (drbd-reactor appends snippets to
     * the main file); without any in the whole configuration, {@link LogConfig#DEFAULT} applies.
     */
    static List<LogConfig> logs(Section root) {
        List<Section> tables = root.tables("log");
        if (tables.isEmpty()) return List.of();
        List<LogConfig> out = new ArrayList<>();
        for (Section l : tables) {
            String level = l.choice("level", "info", MainBinder::level);
            Path file = l.path("file", null, null);
            l.finish();
            out.add(new LogConfig(level, file));
        }
        return out;
    }

    private static String level(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        if (LEVELS.contains(l)) return l;
        String hint = Suggest.closest(l, LEVELS);
        throw new IllegalArgumentException("must be one of " + String.join(", ", LEVELS) + ", got \"" + s + "\""
                + (hint == null ? "" : " (did you mean \"" + hint + "\"?)"));
    }

    /** In a snippet, main-file keys are errors: they would silently do nothing. */
    static void rejectInSnippet(Section root, Path mainFile) {
        for (String key : MAIN_KEYS) {
            TomlNode n = root.node(key);
            if (n != null) {
                root.error(n.line(), "'" + key + "' is a main-file setting and has no effect in a snippet; set it in "
                        + (mainFile == null ? DEFAULT_MAIN : mainFile));
            }
        }
    }
}
