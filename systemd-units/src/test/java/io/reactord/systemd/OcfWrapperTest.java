package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.harness.PrivateSystemd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCF agents in a start list, run by the shipped {@code ocf.rs@.service} template and {@code reactord-ocf}
 * wrapper in a private manager: the real {@code ocf:heartbeat:Dummy} of the resource-agents package
 * (start, a monitor failure failing the unit at the agent's own 10 s interval, stop), and a test agent
 * that records the parameters it receives.
 */
final class OcfWrapperTest {
    private static final Path DUMMY = OcfAgent.DEFAULT_OCF_ROOT.resolve("resource.d/heartbeat/Dummy");

    @TempDir
    Path tmp;

    private PrivateSystemd start(UnitPlan plan) throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        PrivateSystemd systemd = PrivateSystemd.start(tmp.resolve("systemd"));
        Path units = systemd.unitDir();
        InstallUnits.install(units, units.resolve(UnitTemplates.SHIM));
        new DropInWriter(units.resolve(UnitTemplates.SHIM)).write(units, List.of(plan));
        systemd.setEnvironment(Map.of("PATH", new FakeDrbd(tmp.resolve("drbd")).path()));
        return systemd;
    }

    private static String show(PrivateSystemd systemd, String unit, String property) {
        return systemd.systemctl("show", "-P", property, unit).stdout().strip();
    }

    @Test
    void dummy_startMonitorFailureStop_unitFollowsTheAgent() throws Exception {
        boolean installed = Files.isExecutable(DUMMY);
        if ("1".equals(System.getenv(PrivateSystemd.REQUIRE_ENV))) {
            assertTrue(installed, "resource-agents is not installed");
        }
        Assumptions.assumeTrue(installed, "resource-agents is not installed (apt-get install resource-agents)");
        Path state = tmp.resolve("dummy.state");
        OcfAgent dummy = new OcfAgent("heartbeat", "Dummy", "d1", Map.of("state", state.toString()));
        String unit = dummy.unitName("r0");
        assertEquals("ocf.rs@d1_r0.service", unit);
        try (PrivateSystemd systemd = start(new UnitPlan("r0", List.of(unit), "Requires", "Requires", "none", true,
                Map.of(unit, dummy)))) {
            systemd.daemonReload();
            String target = SystemdNames.servicesTarget("r0");
            systemd.systemctl("start", target).orThrow();
            assertEquals("active", show(systemd, unit, "ActiveState"));
            assertTrue(Files.exists(state), "Dummy's start ran with OCF_RESKEY_state");

            Files.delete(state); // Dummy's monitor now reports OCF_NOT_RUNNING
            Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> "failed".equals(show(systemd, unit, "ActiveState")));
            assertEquals("exit-code", show(systemd, unit, "Result"));

            systemd.systemctl("reset-failed", unit).orThrow();
            systemd.systemctl("stop", target).orThrow();
            systemd.systemctl("start", target).orThrow();
            assertEquals("active", show(systemd, unit, "ActiveState"));
            assertTrue(Files.exists(state));
            systemd.systemctl("stop", target).orThrow();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "inactive".equals(show(systemd, unit, "ActiveState")));
            assertFalse(Files.exists(state), "Dummy's stop ran");
        }
    }

    @Test
    void parameters_hostileValues_reachTheAgentExactly() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        List<String> values = List.of("a b", "rw,all_squash", "with \"quotes\"", "back\\slash", "trailing\\",
                "100%n %i %%", "${HOME}", "$(id)", "semi;colon 'single'", "tab\there", "new\nline", "caf\u00e9", "");
        for (int i = 0; i < values.size(); i++) {
            params.put("v" + i, values.get(i));
        }
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path agent = Files.createDirectories(tmp.resolve("ocf/resource.d/test")).resolve("record");
        Files.writeString(agent, """
                #!/bin/sh
                case "$1" in
                    meta-data) echo '<resource-agent><actions><action name="monitor" interval="1s" timeout="5s"/></actions></resource-agent>' ;;
                    start) for i in $(seq 0 %d); do eval "printf '%%s' \\"\\$OCF_RESKEY_v$i\\"" > %s/v$i; done
                           printf '%%s' "$OCF_RESOURCE_INSTANCE" > %s/instance ;;
                esac
                exit 0
                """.formatted(values.size() - 1, out, out));
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
        OcfAgent recorder = new OcfAgent("test", "record", "rec", params);
        String unit = recorder.unitName("r-1");
        try (PrivateSystemd systemd = start(new UnitPlan("r-1", List.of(unit), "Requires", "Requires", "none", true,
                Map.of(unit, recorder)))) {
            Path d = Files.createDirectories(systemd.unitDir().resolve(unit + ".d"));
            Files.writeString(d.resolve("zz-test.conf"), "[Service]\nEnvironment=AGENT=" + agent + "\n");
            systemd.daemonReload();
            systemd.systemctl("start", SystemdNames.servicesTarget("r-1")).orThrow();
            for (int i = 0; i < values.size(); i++) {
                assertEquals(values.get(i), Files.readString(out.resolve("v" + i)), "OCF_RESKEY_v" + i);
            }
            assertEquals("rec_r\\x2d1", Files.readString(out.resolve("instance")), "OCF_RESOURCE_INSTANCE is the escaped instance, as in drbd-reactor");
        }
    }
}
