package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A demote that fails even forced ends in the configured FailureAction. A user manager accepts only
 * none, exit and exit-force, so "exit" stands in for reboot: the manager itself must go away.
 */
final class EscalationTest {
    @TempDir
    Path tmp;

    @Test
    void demoteFailsEvenForced_failureActionExit_managerExits() throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        FakeDrbd drbd = new FakeDrbd(tmp.resolve("drbd"));
        try (PrivateSystemd systemd = PrivateSystemd.start(tmp.resolve("systemd"))) {
            Path units = systemd.unitDir();
            InstallUnits.install(units, units.resolve(UnitTemplates.SHIM));
            Files.writeString(units.resolve("app.service"), "[Service]\nExecStart=/bin/sleep infinity\n");
            new DropInWriter(units.resolve(UnitTemplates.SHIM)).write(units,
                    List.of(new UnitPlan("r0", List.of("app.service"), "Requires", "Requires", "exit", true)));
            systemd.setEnvironment(Map.of("PATH", drbd.path()));
            systemd.daemonReload();
            systemd.systemctl("start", SystemdNames.servicesTarget("r0")).orThrow();
            assertEquals("active", systemd.systemctl("is-active", "app.service").stdout().strip());

            drbd.set("refuse-secondary", true);
            drbd.set("refuse-secondary-force", true);
            systemd.systemctl("stop", "--no-block", SystemdNames.servicesTarget("r0"));

            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !systemd.isAlive());
            assertTrue(drbd.calls().stream().filter(c -> c.equals("secondary --force r0")).count() >= 2,
                    drbd.calls().toString());
        }
    }
}
