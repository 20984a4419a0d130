package io.reactord.agent.umh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.TransientRun;
import io.reactord.systemd.harness.PrivateSystemd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helpers as transient units of a private real systemd (its user manager stands in for the system
 * manager): exit status, environment, a cgroup of their own, the timeout killing descendants that left
 * the process group, and the direct fallback when no manager answers.
 */
final class TransientHelperTest {
    @TempDir
    static Path tmp;

    private static PrivateSystemd systemd;
    private static TransientRun transientRun;

    @BeforeAll
    static void startManager() throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        systemd = PrivateSystemd.start(tmp.resolve("systemd"));
        transientRun = new TransientRun(Path.of("/usr/bin/systemd-run"), true, systemd.env());
    }

    @AfterAll
    static void stopManager() {
        if (systemd != null) {
            systemd.close();
        }
    }

    @Test
    void run_underSystemd_exitStatusEnvironmentAndOwnCgroup() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out1"));
        String value = "a b \"q\" 'x' $HOME %n \\ ;";
        HelperProcess.Result r = HelperProcess.run("printf '%s' \"$X\" > " + out + "/x; cat /proc/self/cgroup > "
                + out + "/cg; exit 7", Map.of("X", value), Duration.ofSeconds(30), transientRun);
        assertEquals(UmhRun.Outcome.EXITED, r.outcome(), r.output());
        assertEquals(7, r.exitStatus());
        assertEquals(value, Files.readString(out.resolve("x")));
        assertTrue(Files.readString(out.resolve("cg")).contains("reactord-umh-"), Files.readString(out.resolve("cg")));
        assertTrue(r.output().contains("journalctl -u reactord-umh-"), r.output());
    }

    @Test
    void run_timeout_wholeCgroupKilledIncludingSetsidGrandchild() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out2"));
        HelperProcess.Result r = HelperProcess.run("setsid sleep 300 & echo $! > " + out + "/pid; sleep 300",
                Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(1), transientRun);
        assertEquals(UmhRun.Outcome.TIMED_OUT, r.outcome(), r.output());
        long pid = Long.parseLong(Files.readString(out.resolve("pid")).strip());
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> ProcessHandle.of(pid).map(ph -> !ph.isAlive()).orElse(true));
    }

    @Test
    void run_noManagerReachable_fallsBackToDirectSpawn() {
        TransientRun nowhere = new TransientRun(Path.of("/usr/bin/systemd-run"), true,
                Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + tmp.resolve("no-bus"), "XDG_RUNTIME_DIR",
                        tmp.resolve("no-run").toString()));
        HelperProcess.Result r = HelperProcess.run("echo direct; exit 3", Map.of(), Duration.ofSeconds(30), nowhere);
        assertEquals(UmhRun.Outcome.EXITED, r.outcome());
        assertEquals(3, r.exitStatus());
        assertEquals("direct\n", r.output());
    }
}
