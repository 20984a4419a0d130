package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snippet disabled while the daemon starts as a {@code Type=notify} service: systemd merges the reload into the
 * running start job, so no SIGHUP comes. The daemon must still end with the configuration on disk.
 */
final class DaemonStartReloadTest {
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
    void snippetDisabledWhileStarting_reloadMergedIntoStart_configurationOnDiskApplied() throws Exception {
        d = new RealDaemon(tmp, RealDaemon.snippet());
        d.set("role", "Secondary");
        d.set("may_promote", "no");
        Files.writeString(d.fake.resolve("show_hold"), "");
        d.installService(UNIT, "TimeoutStartSec=90s", "ExecReload=/bin/kill -HUP $MAINPID");
        assertEquals(0, d.sd.systemctl("start", "--no-block", UNIT).exitCode());
        // the configuration is loaded before the DRBD options are read, and READY comes after them
        d.await("options being read", Duration.ofSeconds(60), () -> d.read("calls").contains("show"));
        Files.move(d.snippet, d.snippet.resolveSibling("r0.toml.disabled"));
        assertEquals("activating", d.active(UNIT));
        var reload = d.sd.systemctl("reload", "--no-block", UNIT);
        assertEquals(0, reload.exitCode(), reload.stderr());
        Files.delete(d.fake.resolve("show_hold"));
        d.await("service ready", Duration.ofSeconds(60), () -> "active".equals(d.active(UNIT)));
        d.await("disabled snippet no longer managed", Duration.ofSeconds(30),
                () -> d.status().path("resources").size() == 0);
    }
}
