package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [[log]]} and {@code [[debugger]]} in a snippet through the real daemon: the debugger logs every DRBD
 * change at debug level into the {@code [[log]]} file, and a reload that changes the {@code [[log]]} table
 * moves the log to the new file.
 */
final class DaemonLogTablesTest {
    @TempDir
    Path tmp;

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void debuggerAndLogInSnippet_changesLogged_reloadMovesTheLog() throws Exception {
        Path first = tmp.resolve("first.log");
        Path second = tmp.resolve("second.log");
        try (RealDaemon d = new RealDaemon(tmp, RealDaemon.snippet("[[debugger]]", "[[log]]", "level = \"debug\"",
                "file = \"" + first + "\""))) {
            d.start();
            d.set("may_promote", "yes");
            d.update();
            d.await("debugger line for the may_promote change", Duration.ofSeconds(30),
                    () -> read(first).lines().anyMatch(l -> l.contains("debugger") && l.contains("before:") && l.contains("r0")));

            Files.writeString(d.snippet, RealDaemon.snippet("[[debugger]]", "[[log]]", "level = \"debug\"",
                    "file = \"" + second + "\""));
            d.signal("HUP");
            d.await("log moved to the new file", Duration.ofSeconds(30), () -> read(second).contains("[[log]] tables applied")
                    || read(second).contains("reload"));
            long before = read(first).length();
            d.set("may_promote", "no");
            d.update();
            d.await("debugger line in the new file", Duration.ofSeconds(30),
                    () -> read(second).lines().anyMatch(l -> l.contains("debugger") && l.contains("before:")));
            assertFalse(read(first).length() > before && read(first).substring((int) before).contains("before:"),
                    "the old file still gets debugger lines");
        }
    }
}
