package io.reactord.agent.daemon;

import static io.reactord.agent.daemon.RealDaemon.SERVICE;
import static io.reactord.agent.daemon.RealDaemon.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon as {@code reactord.service} of a private systemd, with {@code stop-services-on-exit}: the
 * target's drop-in orders it {@code Before=reactord.service}, so its stop runs only after the daemon's own stop.
 * {@code systemctl stop reactord} must end with the daemon exiting on its own (not killed at TimeoutStopSec) and
 * the services stopped before the demotion.
 */
final class DaemonExitTest {
    private static final String UNIT = "reactord.service";

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
    void stopServicesOnExit_serviceStopped_exitsCleanlyThenTargetStopsAndDemotes() throws Exception {
        d = new RealDaemon(tmp, RealDaemon.snippet("stop-services-on-exit = true"));
        d.set("role", "Secondary");
        d.set("may_promote", "no");
        d.installService(UNIT, "TimeoutStartSec=60s", "TimeoutStopSec=90s");
        assertEquals(0, d.sd.systemctl("start", UNIT).exitCode(), d.sd.systemctl("status", UNIT).stdout());
        d.promote();
        assertTrue(d.sd.systemctl("show", "-p", "Before", "--value", TARGET).stdout().contains(UNIT),
                "the target's drop-in orders it before " + UNIT);

        assertEquals(0, d.sd.systemctl("stop", UNIT).exitCode(), d.sd.systemctl("status", UNIT).stdout());
        assertEquals("success", d.prop(UNIT, "Result"), "the daemon must exit on its own, not be killed at the stop"
                + " timeout\n" + d.sd.systemctl("status", UNIT).stdout());
        d.await("target stopped and demoted", Duration.ofSeconds(60), () -> !"active".equals(d.active(TARGET))
                && !"active".equals(d.active(SERVICE)) && d.read("role").strip().equals("Secondary"));
        String calls = d.read("calls");
        int stop = calls.indexOf("service-stop");
        int demote = calls.indexOf("secondary");
        assertTrue(stop >= 0 && demote > stop, "service stopped before the demotion: " + calls);
    }
}
