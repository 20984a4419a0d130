package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.harness.PrivateSystemd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The escalation runs the configured FailureAction only after a demotion was attempted and failed. A
 * user manager accepts only none, exit and exit-force, so "exit" stands in for reboot: the manager
 * itself goes away when (and only when) the action runs.
 */
final class EscalationTest {
    private static final String RES = "r0";

    @TempDir
    Path tmp;

    private PrivateSystemd startWithExitAction(FakeDrbd drbd) throws Exception {
        PrivateSystemd systemd = PrivateSystemd.start(tmp.resolve("systemd"));
        Path units = systemd.unitDir();
        InstallUnits.install(units, units.resolve(UnitTemplates.SHIM));
        Files.writeString(units.resolve("app.service"), "[Service]\nExecStart=/bin/sleep infinity\n");
        new DropInWriter(units.resolve(UnitTemplates.SHIM)).write(units,
                List.of(new UnitPlan(RES, List.of("app.service"), "Requires", "Requires", "exit", true)));
        systemd.setEnvironment(Map.of("PATH", drbd.path()));
        return systemd;
    }

    private static String show(PrivateSystemd systemd, String unit, String property) {
        return systemd.systemctl("show", "-P", property, unit).stdout().strip();
    }

    @Test
    void demoteFailsEvenForced_failureActionExit_managerExits() throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        FakeDrbd drbd = new FakeDrbd(tmp.resolve("drbd"));
        try (PrivateSystemd systemd = startWithExitAction(drbd)) {
            systemd.daemonReload();
            systemd.systemctl("start", SystemdNames.servicesTarget(RES)).orThrow();
            assertEquals("active", systemd.systemctl("is-active", "app.service").stdout().strip());

            drbd.set("refuse-secondary", true);
            drbd.set("refuse-secondary-force", true);
            systemd.systemctl("stop", "--no-block", SystemdNames.servicesTarget(RES));

            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !systemd.isAlive());
            assertEquals(2, drbd.calls().stream().filter(c -> c.equals("secondary --force r0")).count(),
                    "forced by the stop, then again by the escalation: " + drbd.calls());
        }
    }

    @Test
    void promotionFails_drbdsetupCannotRun_escalationRunsButNoFailureAction() throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        FakeDrbd drbd = new FakeDrbd(tmp.resolve("drbd"));
        try (PrivateSystemd systemd = startWithExitAction(drbd)) {
            systemd.setEnvironment(Map.of("PATH", tmp.resolve("no-drbdsetup-here").toString()));
            systemd.daemonReload();
            String promote = SystemdNames.promoteService(RES);
            String escalate = SystemdNames.demoteOrEscalateService(RES);
            assertNotEquals(0, systemd.systemctl("start", SystemdNames.servicesTarget(RES)).exitCode());
            assertEquals("failed", show(systemd, promote, "ActiveState"), "a promotion that could not run is a failure");

            Awaitility.await().atMost(Duration.ofSeconds(15))
                    .until(() -> !show(systemd, escalate, "InvocationID").isEmpty()
                            && "inactive".equals(show(systemd, escalate, "ActiveState")));
            assertEquals("success", show(systemd, escalate, "Result"), "OnFailure= ran the escalation unit, which found no failed demotion");
            assertTrue(systemd.isAlive(), "FailureAction=exit must not run after a failed promotion");
            assertEquals("inactive", systemd.systemctl("is-active", "app.service").stdout().strip());
        }
    }

    @Test
    void demoteHangs_stopAndEscalationTimeOut_failureActionExit() throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        FakeDrbd drbd = new FakeDrbd(tmp.resolve("drbd"));
        try (PrivateSystemd systemd = startWithExitAction(drbd)) {
            // short timeouts instead of 90 s / 60 s, in a drop-in sorting after reactor.conf
            Path units = systemd.unitDir();
            for (String unit : List.of(SystemdNames.promoteService(RES), SystemdNames.demoteOrEscalateService(RES))) {
                Path d = Files.createDirectories(units.resolve(unit + ".d"));
                Files.writeString(d.resolve("zz-test.conf"), "[Service]\nTimeoutStopSec=2\nTimeoutStartSec=2\n");
            }
            systemd.daemonReload();
            systemd.systemctl("start", SystemdNames.servicesTarget(RES)).orThrow();
            drbd.set("hang-secondary", true);
            drbd.set("refuse-secondary-force", true);
            systemd.systemctl("stop", "--no-block", SystemdNames.servicesTarget(RES));

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !systemd.isAlive());
            assertEquals(List.of("primary r0", "secondary r0", "secondary r0"), drbd.calls(),
                    "the hung stop was killed, the escalation's own demotion hung too and timed out");
        }
    }
}
