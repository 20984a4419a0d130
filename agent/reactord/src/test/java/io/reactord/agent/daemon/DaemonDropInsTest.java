package io.reactord.agent.daemon;

import static io.reactord.agent.daemon.RealDaemon.PROMOTE;
import static io.reactord.agent.daemon.RealDaemon.SERVICE;
import static io.reactord.agent.daemon.RealDaemon.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon on a private systemd: a resource disabled (snippet renamed, daemon reloaded) while its target
 * runs keeps its drop-ins, so a later stop of the target still stops the service before the demotion; the
 * drop-ins go once the target is stopped, and enabling the resource again converges.
 */
final class DaemonDropInsTest {
    @TempDir
    Path tmp;
    private RealDaemon d;

    @AfterEach
    void tearDown() {
        if (d != null) {
            d.close();
        }
    }

    @Test
    void disableWithoutNow_targetActive_dropInsKeptUntilStoppedAndStopIsOrdered() throws Exception {
        d = new RealDaemon(tmp, RealDaemon.snippet());
        d.set("role", "Secondary");
        d.set("may_promote", "no");
        d.start();
        d.promote();

        // disable without --now: the file is renamed and the daemon reloads
        Path disabled = d.snippet.resolveSibling("r0.toml.disabled");
        Files.move(d.snippet, disabled);
        d.signal("HUP");
        d.await("reload applied", Duration.ofSeconds(20), () -> d.status().path("resources").size() == 0);
        d.await("kept logged", Duration.ofSeconds(10), () -> d.log().contains("drop-ins of " + TARGET));
        for (String unit : List.of(TARGET, PROMOTE, SERVICE)) {
            assertTrue(d.dropIn(unit), unit + " lost its drop-in while the target runs\n" + d.log());
        }
        assertEquals("active", d.active(SERVICE), "disable without --now leaves the services running");

        // the operator stops the target: the service stops before drbd-promote@ demotes
        assertEquals(0, d.sd.systemctl("stop", TARGET).exitCode());
        d.await("demoted", Duration.ofSeconds(20), () -> d.read("role").strip().equals("Secondary"));
        String calls = d.read("calls");
        int stop = calls.indexOf("service-stop");
        int demote = calls.indexOf("secondary");
        assertTrue(stop >= 0 && demote > stop, "service stopped before the demotion: " + calls);
        d.await("stale drop-ins removed", Duration.ofSeconds(20),
                () -> !d.dropIn(SERVICE) && !d.dropIn(TARGET) && !d.dropIn(PROMOTE));

        // enable again: managed, and the next promotion starts the stack
        Files.move(disabled, d.snippet);
        d.signal("HUP");
        d.await("managed again", Duration.ofSeconds(20), () -> d.status().path("resources").size() == 1);
        assertTrue(d.dropIn(SERVICE), "drop-ins written again");
        d.promote();
        assertEquals("Primary", d.read("role").strip());
    }
}
