package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.harness.PrivateSystemd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped templates, shim and generated drop-ins in a private real systemd, driven through
 * {@link SystemdClient}, with the fake drbdsetup playing DRBD. One manager for the class; each test
 * uses its own resource.
 */
final class TemplatesIntegrationTest {
    @TempDir
    static Path tmp;

    private static PrivateSystemd systemd;
    private static SystemdClient client;
    private static FakeDrbd drbd;

    @BeforeAll
    static void startManager() throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        systemd = PrivateSystemd.start(tmp.resolve("systemd"));
        drbd = new FakeDrbd(tmp.resolve("drbd"));
        Path units = systemd.unitDir();
        // exactly what 'reactorctl install-units --dir UNITS' does: the shim beside the units
        InstallUnits.install(units, units.resolve(UnitTemplates.SHIM));
        List<UnitPlan> plans = new java.util.ArrayList<>();
        for (String res : List.of("r-start", "r-lose", "r-stop", "r-escalate", "r-freeze")) {
            writeServiceUnits(units, res);
            plans.add(new UnitPlan(res, List.of(res + "-mount.service", res + "-app.service"),
                    "Requires", "Requires", "none", true));
        }
        for (String name : ShimTest.HOSTILE_NAMES) {
            plans.add(new UnitPlan(name, List.of(), "Requires", "Requires", "none", true));
        }
        new DropInWriter(units.resolve(UnitTemplates.SHIM)).write(units, plans);
        systemd.setEnvironment(Map.of("PATH", drbd.path()));
        client = SystemdClient.forAddress(systemd.busAddress(), Duration.ofSeconds(20));
        client.start().get(10, TimeUnit.SECONDS);
        client.daemonReload().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopManager() {
        if (client != null) {
            client.close();
        }
        if (systemd != null) {
            systemd.close();
        }
    }

    @BeforeEach
    void resetDrbd() {
        for (String flag : List.of("refuse-primary", "refuse-secondary", "refuse-secondary-force", "unconfigured")) {
            drbd.set(flag, false);
        }
        drbd.clearCalls();
    }

    /** A mount-like oneshot and a long-running service that log to the fake's call log. */
    private static void writeServiceUnits(Path units, String res) throws Exception {
        String log = drbd.dir.resolve("calls").toString();
        Files.writeString(units.resolve(res + "-mount.service"), """
                [Service]
                Type=oneshot
                RemainAfterExit=yes
                ExecStart=/bin/sh -c 'echo mount %1$s >> %2$s'
                ExecStop=/bin/sh -c 'echo umount %1$s >> %2$s'
                """.formatted(res, log));
        Files.writeString(units.resolve(res + "-app.service"), """
                [Service]
                ExecStartPre=/bin/sh -c 'echo app-start %1$s >> %2$s'
                ExecStart=/bin/sleep infinity
                ExecStopPost=/bin/sh -c 'echo app-stop %1$s >> %2$s'
                """.formatted(res, log));
    }

    private static UnitState status(String unit) throws Exception {
        return client.unitState(unit).get(10, TimeUnit.SECONDS);
    }

    @Test
    void installUnits_templatesInstances_loadWithoutWarnings() throws Exception {
        List<String> units = List.of(SystemdNames.servicesTarget("r-start"), SystemdNames.promoteService("r-start"),
                SystemdNames.demoteOrEscalateService("r-start"), "reactord.service", "reactord-reload.path",
                "reactord-reload.service");
        for (String unit : units) {
            assertEquals("loaded", status(unit).loadState(), unit);
        }
        // the manager's own log stays empty here, so parse warnings come from systemd-analyze verify
        assertEquals(List.of(), parseWarnings(systemd.unitDir(), units));
        Path bad = tmp.resolve("bad-units");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("bad.service"), "[Service]\nBogusKey=1\nExecStart=/bin/true\n");
        assertEquals(1, parseWarnings(bad, List.of("bad.service")).size(), "the check itself finds warnings");
    }

    /** The file:line warnings systemd-analyze prints while loading {@code units} from {@code dir}. */
    private static List<String> parseWarnings(Path dir, List<String> units) {
        List<String> cmd = new java.util.ArrayList<>(List.of("systemd-analyze", "verify", "--man=no"));
        units.forEach(u -> cmd.add(dir.resolve(u).toString()));
        io.reactord.systemd.harness.Commands.Result r = io.reactord.systemd.harness.Commands.run(cmd,
                Map.of("SYSTEMD_UNIT_PATH", dir + ":/usr/lib/systemd/system", "SYSTEMD_LOG_LEVEL", "info"), 30);
        return (r.stdout() + r.stderr()).lines().filter(l -> l.matches("^/\\S+:\\d+: .*")).toList();
    }

    @Test
    void start_targetWithMountAndService_startsInOrderAndIsActive() throws Exception {
        String target = SystemdNames.servicesTarget("r-start");
        assertEquals(JobResult.DONE, client.startUnit(target, "replace").get(20, TimeUnit.SECONDS));
        assertTrue(status(target).active());
        assertTrue(status(SystemdNames.promoteService("r-start")).active());
        assertTrue(status("r-start-mount.service").active());
        assertEquals("running", status("r-start-app.service").subState());
        assertEquals(List.of("primary r-start", "mount r-start", "app-start r-start"), drbd.calls());
    }

    @Test
    void start_primaryRefused_targetInactiveAndNothingFailed() throws Exception {
        drbd.set("refuse-primary", true);
        String target = SystemdNames.servicesTarget("r-lose");
        JobResult result = client.startUnit(target, "replace").get(20, TimeUnit.SECONDS);
        assertEquals(JobResult.DEPENDENCY, result);
        UnitState promote = status(SystemdNames.promoteService("r-lose"));
        assertEquals("inactive", promote.activeState());
        assertFalse(promote.conditionResult(), "the promotion condition was skipped");
        assertEquals("inactive", status(target).activeState());
        assertEquals("inactive", status("r-lose-mount.service").activeState());
        assertEquals("inactive", status("r-lose-app.service").activeState());
        assertEquals("", systemd.systemctl("list-units", "--state=failed", "--plain", "--no-legend").stdout().strip());
        assertEquals(List.of("primary r-lose"), drbd.calls());
    }

    @Test
    void stop_activeTarget_stopsServicesFirstThenDemotes() throws Exception {
        String target = SystemdNames.servicesTarget("r-stop");
        assertEquals(JobResult.DONE, client.startUnit(target, "replace").get(20, TimeUnit.SECONDS));
        drbd.clearCalls();
        assertEquals(JobResult.DONE, client.stopUnit(target, "replace").get(20, TimeUnit.SECONDS));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> "inactive".equals(status(SystemdNames.promoteService("r-stop")).activeState()));
        assertEquals(List.of("app-stop r-stop", "umount r-stop", "secondary r-stop"), drbd.calls());
        assertEquals("inactive", status("r-stop-app.service").activeState());
    }

    @Test
    void stop_demoteFails_escalationUnitRuns() throws Exception {
        String target = SystemdNames.servicesTarget("r-escalate");
        assertEquals(JobResult.DONE, client.startUnit(target, "replace").get(20, TimeUnit.SECONDS));
        drbd.set("refuse-secondary", true);
        drbd.set("refuse-secondary-force", true);
        drbd.clearCalls();
        client.stopUnit(target, "replace").get(20, TimeUnit.SECONDS);
        String escalate = SystemdNames.demoteOrEscalateService("r-escalate");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(escalate).failed());
        assertTrue(status(SystemdNames.promoteService("r-escalate")).failed());
        List<String> calls = drbd.calls();
        assertEquals(2, calls.stream().filter(c -> c.equals("secondary --force r-escalate")).count(),
                "forced once by the promote unit's stop and once by the escalation: " + calls);
        client.resetFailedUnit(SystemdNames.promoteService("r-escalate")).get(5, TimeUnit.SECONDS);
        client.resetFailedUnit(escalate).get(5, TimeUnit.SECONDS);
        assertEquals("inactive", status(escalate).activeState());
    }

    @Test
    void startStop_hostileResourceNames_reachDrbdsetupVerbatim() throws Exception {
        for (String name : ShimTest.HOSTILE_NAMES) {
            drbd.clearCalls();
            String target = SystemdNames.servicesTarget(name);
            assertEquals(JobResult.DONE, client.startUnit(target, "replace").get(20, TimeUnit.SECONDS), name);
            assertEquals(JobResult.DONE, client.stopUnit(target, "replace").get(20, TimeUnit.SECONDS), name);
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> "inactive".equals(status(SystemdNames.promoteService(name)).activeState()));
            assertEquals(List.of("primary " + name, "secondary " + name), drbd.calls(), name);
        }
    }

    @Test
    void freeze_runningService_freezesOrReportsWhyNot() throws Exception {
        String app = "r-freeze-app.service";
        assertEquals(JobResult.DONE, client.startUnit(SystemdNames.servicesTarget("r-freeze"), "replace")
                .get(20, TimeUnit.SECONDS));
        try {
            client.freezeUnit(app).get(10, TimeUnit.SECONDS);
            assertEquals("frozen", status(app).freezerState());
            client.thawUnit(app).get(10, TimeUnit.SECONDS);
            assertEquals("running", status(app).freezerState());
        } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof FreezeNotSupportedException, e.getCause().toString());
            assertTrue(e.getCause().getMessage().contains(app), e.getCause().getMessage());
            if (!Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
                assertTrue(e.getCause().getMessage().contains("cgroup v2"), e.getCause().getMessage());
            }
        }
        assertEquals("running", status(app).subState());
    }
}
