package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.harness.PrivateSystemd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * reactord's drop-ins on top of the unit templates and shim the drbd-utils package installed on this
 * host (Debian's drbd-utils: drbd-promote@, drbd-demote-or-escalate@, drbd-services@, drbd@ and
 * /lib/drbd/scripts/drbd-service-shim.sh), in a private manager. The fake drbdsetup is first on PATH
 * (reactord's shim) and is bind-mounted over /usr/sbin/drbdsetup, a fake drbdadm over /usr/sbin/drbdadm,
 * inside the manager's mount namespace only (drbd-utils' shim calls them by absolute path).
 */
final class DrbdUtilsTemplatesTest {
    private static final Path SYSTEM_UNITS = Path.of("/lib/systemd/system");
    private static final Path DRBD_UTILS_SHIM = Path.of("/lib/drbd/scripts/drbd-service-shim.sh");
    private static final List<String> TEMPLATES = List.of("drbd-promote@.service", "drbd-demote-or-escalate@.service",
            "drbd-services@.target", "drbd@.target", "drbd@.service");
    private static final Path DRBDSETUP = Path.of("/usr/sbin/drbdsetup");
    private static final Path DRBDADM = Path.of("/usr/sbin/drbdadm");

    @TempDir
    Path tmp;

    private FakeDrbd drbd;

    private PrivateSystemd start() throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        boolean installed = TEMPLATES.stream().allMatch(t -> Files.isRegularFile(SYSTEM_UNITS.resolve(t)))
                && Files.isExecutable(DRBD_UTILS_SHIM) && Files.isExecutable(DRBDSETUP) && Files.isExecutable(DRBDADM);
        String why = "drbd-utils' unit templates are not installed (apt-get install drbd-utils; .ci/run does)";
        if ("1".equals(System.getenv(PrivateSystemd.REQUIRE_ENV))) {
            assertTrue(installed, why);
        }
        Assumptions.assumeTrue(installed, why);

        drbd = new FakeDrbd(tmp.resolve("drbd"));
        Path drbdadm = drbd.dir.resolve("drbdadm");
        // seen as /usr/sbin/drbdadm, so the fakes find their directory through FAKE_DRBD_DIR
        Files.writeString(drbdadm, "#!/bin/sh\nprintf 'drbdadm %s\\n' \"$*\" >> \"$FAKE_DRBD_DIR/calls\"\n");
        Files.setPosixFilePermissions(drbdadm, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateSystemd systemd = PrivateSystemd.start(tmp.resolve("systemd"), List.of(),
                Map.of(DRBDSETUP, drbd.dir.resolve("drbdsetup"), DRBDADM, drbdadm));
        Path units = systemd.unitDir();
        for (String t : TEMPLATES) {
            Files.copy(SYSTEM_UNITS.resolve(t), units.resolve(t));
        }
        Path shim = Files.createDirectories(tmp.resolve("lib")).resolve(UnitTemplates.SHIM);
        Files.writeString(shim, UnitTemplates.raw(UnitTemplates.SHIM));
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(units.resolve("app.service"), "[Service]\nExecStart=/bin/sleep infinity\n");
        new DropInWriter(shim).write(units,
                List.of(new UnitPlan("r0", List.of("app.service"), "Requires", "Requires", "exit", true)));
        systemd.setEnvironment(Map.of("PATH", drbd.path(), "FAKE_DRBD_DIR", drbd.dir.toString()));
        systemd.daemonReload();
        return systemd;
    }

    private static String show(PrivateSystemd systemd, String unit, String property) {
        return systemd.systemctl("show", "-P", property, unit).stdout().strip();
    }

    @Test
    void effectiveUnits_keepDrbdUtilsLinesAndGetTheSafetyLines() throws Exception {
        try (PrivateSystemd systemd = start()) {
            String promote = SystemdNames.promoteService("r0");
            String escalate = SystemdNames.demoteOrEscalateService("r0");
            assertTrue(show(systemd, promote, "Requires").contains("drbd@r0.target"), "drbd-utils' Requires= stays");
            assertTrue(show(systemd, promote, "OnFailure").contains(escalate));
            assertTrue(show(systemd, escalate, "Conflicts").contains(promote));
            assertEquals("yes", show(systemd, escalate, "RefuseManualStart"));
            assertEquals("yes", show(systemd, escalate, "RefuseManualStop"));
            assertEquals("1min", show(systemd, escalate, "TimeoutStartUSec"));
            assertEquals("exit", show(systemd, escalate, "FailureAction"));
        }
    }

    @Test
    void startStop_drbdUtilsTemplates_adjustPromoteThenDemote() throws Exception {
        try (PrivateSystemd systemd = start()) {
            systemd.systemctl("start", SystemdNames.servicesTarget("r0")).orThrow();
            assertEquals("active", systemd.systemctl("is-active", "app.service").stdout().strip());
            assertEquals(List.of("drbdadm adjust r0", "primary r0"), drbd.calls(),
                    "drbd@r0.target (drbd-utils' shim) adjusts, reactord's shim promotes");
            drbd.clearCalls();
            systemd.systemctl("stop", SystemdNames.servicesTarget("r0")).orThrow();
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> "inactive".equals(show(systemd, SystemdNames.promoteService("r0"), "ActiveState")));
            assertEquals(List.of("secondary r0"), drbd.calls());
            assertEquals("inactive", systemd.systemctl("is-active", "app.service").stdout().strip());
        }
    }

    @Test
    void demoteFails_drbdUtilsTemplates_forcedRetryThenFailureAction() throws Exception {
        try (PrivateSystemd systemd = start()) {
            systemd.systemctl("start", SystemdNames.servicesTarget("r0")).orThrow();
            drbd.set("refuse-secondary", true);
            drbd.set("refuse-secondary-force", true);
            drbd.clearCalls();
            systemd.systemctl("stop", "--no-block", SystemdNames.servicesTarget("r0"));

            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !systemd.isAlive());
            assertEquals(List.of("secondary r0", "events2 --now r0", "secondary --force r0", "events2 --now r0",
                    "secondary r0", "events2 --now r0", "secondary --force r0", "events2 --now r0"),
                    drbd.calls().stream().filter(c -> !c.equals("down r0")).toList(),
                    "the stop forces, then the escalation retries plain and forced before FailureAction=exit "
                    + "(drbd@r0.service's 'down' as the exiting manager stops everything is left out)");
        }
    }
}
