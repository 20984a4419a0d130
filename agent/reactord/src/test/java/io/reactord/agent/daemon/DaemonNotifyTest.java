package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon as a {@code Type=notify} service of a private systemd: it is ready although
 * {@code drbdsetup events2} fails, says why in its status, keeps that status current, and its watchdog
 * pings keep a short {@code WatchdogSec=} satisfied.
 */
final class DaemonNotifyTest {
    private static final String UNIT = "reactord-under-test.service";

    @TempDir
    Path tmp;
    private RealDaemon d;

    @AfterEach
    void tearDown() {
        if (d != null) {
            d.sd.systemctl("stop", UNIT);
            d.close();
        }
    }

    @Test
    void notify_events2Fails_readyWithStatusThenCurrentAndWatchdogKept() throws Exception {
        d = new RealDaemon(tmp, RealDaemon.snippet());
        d.set("role", "Secondary");
        d.set("may_promote", "no");
        Files.writeString(d.fake.resolve("events2_fail"), "Missing DRBD kernel module\n");
        d.installService(UNIT, "WatchdogSec=3s", "TimeoutStartSec=60s");

        long t0 = System.nanoTime();
        assertEquals(0, d.sd.systemctl("start", UNIT).exitCode(), d.sd.systemctl("status", UNIT).stdout());
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("active", d.active(UNIT));
        d.await("status names the events2 failure", Duration.ofSeconds(20), () -> d.prop(UNIT, "StatusText")
                .equals("waiting for DRBD: drbdsetup events2 exited with status 20: Missing DRBD kernel module"));
        assertTrue(startMs < 30_000, "ready without DRBD, after " + startMs + " ms");

        // DRBD comes: the status follows
        Files.delete(d.fake.resolve("events2_fail"));
        d.await("status current", Duration.ofSeconds(40),
                () -> d.prop(UNIT, "StatusText").equals("1 resource(s) managed, 0 active on this node"));

        // more than two watchdog periods later the service still runs, never restarted by the watchdog
        String pid = d.prop(UNIT, "MainPID");
        long until = System.nanoTime() + 7_000_000_000L;
        d.await("7 s passed", Duration.ofSeconds(10), () -> System.nanoTime() > until);
        assertEquals("active", d.active(UNIT));
        assertEquals(pid, d.prop(UNIT, "MainPID"), "not restarted");
        assertEquals("0", d.prop(UNIT, "NRestarts"));

        // a hung daemon (stopped) is killed by the watchdog
        assertEquals(0, new ProcessBuilder("kill", "-STOP", pid).start().waitFor());
        d.await("watchdog fired", Duration.ofSeconds(30), () -> !pid.equals(d.prop(UNIT, "MainPID")));
        assertEquals("watchdog", d.prop(UNIT, "Result"), d.sd.systemctl("status", UNIT).stdout());
    }
}
