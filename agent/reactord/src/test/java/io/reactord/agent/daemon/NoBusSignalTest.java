package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon on a host without a system bus: SIGTERM while it waits for systemd ends it at once. */
final class NoBusSignalTest {
    @TempDir
    Path tmp;

    @Test
    void sigterm_whileWaitingForTheBus_exitsPromptly() throws Exception {
        Files.createDirectories(tmp.resolve("d"));
        Path main = tmp.resolve("reactord.toml");
        Files.writeString(main, String.join("\n", "snippets = \"" + tmp.resolve("d") + "\"",
                "drbdsetup = \"/nonexistent/drbdsetup\"", "unit-dir = \"" + tmp.resolve("units") + "\"",
                "state-dir = \"" + tmp.resolve("state") + "\"", "socket = \"" + tmp.resolve("reactord.sock") + "\"", ""));
        Path log = tmp.resolve("agent.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.reactord.agent.ReactordMain", "-c", main.toString(),
                "--hostname", "alpha", "--shim", tmp.resolve("shim").toString(), "--drbdadm", "/nonexistent/drbdadm")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + tmp.resolve("no-bus"));
        Process p = pb.start();
        try {
            // the first failed connection attempt is logged: the daemon is waiting for the bus now
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.readString(log, StandardCharsets.UTF_8).contains("retrying"));
            new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
            // well within the 30 s the daemon would otherwise wait for the bus
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "no exit within 20 s of SIGTERM:\n" + Files.readString(log));
            assertEquals(0, p.exitValue(), Files.readString(log));
            assertTrue(List.of(Files.readString(log).split("\n")).stream().anyMatch(l -> l.contains("stopped before systemd")),
                    Files.readString(log));
        } finally {
            p.destroyForcibly();
        }
    }
}
