package io.reactord.agent.daemon;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code snippets-monitoring-interval}: compares the snippets directory with the configuration the daemon
 * runs. A {@code *.toml} file written after the configuration was loaded (and left alone for
 * {@link #GRACE} so that tools can finish writing), a new file or a file removed since means the running
 * configuration no longer matches the disk: each check warns until a reload. drbd-reactor does the same
 * by modification time, also at least {@link #MIN_INTERVAL} apart.
 */
final class SnippetsMonitor {
    static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
    static final Duration GRACE = Duration.ofSeconds(20);

    private final Path dir;
    private volatile Map<Path, Long> loaded = Map.of();
    private volatile long loadedAtMillis;

    SnippetsMonitor(Path dir) {
        this.dir = dir;
    }

    /** The interval the checks run at: 0 (off) stays off, others at least {@link #MIN_INTERVAL}. */
    static Duration effectiveInterval(Duration configured) {
        if (configured == null || configured.isZero() || configured.isNegative()) return Duration.ZERO;
        return configured.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : configured;
    }

    /** Records the snippets as they are when a configuration was loaded (start or reload). */
    void loaded(long nowMillis) {
        loaded = scan(dir);
        loadedAtMillis = nowMillis;
    }

    /** One warning line per snippet that drifted from the running configuration. */
    List<String> check(long nowMillis) {
        Map<Path, Long> now = scan(dir);
        List<String> out = new ArrayList<>();
        now.forEach((file, mtime) -> {
            if (nowMillis - mtime < GRACE.toMillis()) return;
            if (!loaded.containsKey(file)) {
                out.add("snippet " + file + " is not in the running configuration (added after the last load);"
                        + " 'systemctl reload reactord' required");
            } else if (mtime > loadedAtMillis) {
                out.add("snippet " + file + " changed after the last load; 'systemctl reload reactord' required");
            }
        });
        for (Path gone : loaded.keySet()) {
            if (!now.containsKey(gone)) {
                out.add("snippet " + gone + " was removed but its configuration still runs; 'systemctl reload reactord' required");
            }
        }
        return out;
    }

    /**
     * Whether the main file, the snippets directory itself (a file added, removed or renamed, as {@code reactorctl
     * disable} does) or one of its {@code *.toml} files was modified at or after {@code millis}.
     */
    static boolean changedSince(Path main, Path dir, long millis) {
        List<Path> paths = new ArrayList<>();
        if (main != null) {
            paths.add(main);
        }
        if (dir != null) {
            paths.add(dir);
            paths.addAll(scan(dir).keySet());
        }
        for (Path p : paths) {
            try {
                if (Files.getLastModifiedTime(p).toMillis() >= millis) {
                    return true;
                }
            } catch (IOException e) {
                // gone: the directory's own time says so
            }
        }
        return false;
    }

    /** {@code *.toml} files of {@code dir} with their modification times (ms); empty when unreadable. */
    private static Map<Path, Long> scan(Path dir) {
        Map<Path, Long> out = new TreeMap<>();
        if (dir == null || !Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.toml")) {
            for (Path p : ds) {
                try {
                    out.put(p, Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    // gone between listing and stat: counted as absent
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
