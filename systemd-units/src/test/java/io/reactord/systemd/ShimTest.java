package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.harness.Commands;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shim run directly with the fake drbdsetup: exit codes are what systemd acts on. */
final class ShimTest {
    @TempDir
    Path tmp;

    private FakeDrbd drbd;
    private Path shim;

    @BeforeEach
    void setUp() {
        drbd = new FakeDrbd(tmp.resolve("fake"));
        shim = tmp.resolve("reactord-shim");
        InstallUnits.install(tmp.resolve("units"), shim);
    }

    private Commands.Result shim(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(shim.toString()));
        cmd.addAll(List.of(args));
        return Commands.run(cmd, Map.of("PATH", drbd.path()), 10);
    }

    /** The shim as the units run it: the escaped name in REACTORD_INSTANCE, demotion attempts under {@code state}. */
    private Commands.Result unitShim(String verb, String resource) {
        return Commands.run(List.of(shim.toString(), verb), Map.of("PATH", drbd.path(),
                "REACTORD_INSTANCE", SystemdNames.escapeInstance(resource),
                "REACTORD_SHIM_STATE", tmp.resolve("state").toString()), 10);
    }

    static final List<String> HOSTILE_NAMES = List.of("${HOME}", "$(id)", "-x", "a b", "%n", "--force",
            "semi;colon", "quo\"te", "back\\slash", "$HOME", "`id`", "caf\u00e9");

    @Test
    void primaryAndSecondary_hostileNames_reachDrbdsetupVerbatimAfterDoubleDash() {
        for (String name : HOSTILE_NAMES) {
            drbd.clearCalls();
            assertEquals(0, unitShim("primary", name).exitCode(), name);
            assertEquals(0, unitShim("secondary-secondary-force", name).exitCode(), name);
            assertEquals(List.of("primary " + name, "secondary " + name), drbd.calls(), name);
        }
    }

    @Test
    void fake_dashNameWithoutDoubleDash_refusedLikeRealDrbdsetup() {
        Commands.Result r = Commands.run(List.of(drbd.dir.resolve("drbdsetup").toString(), "primary", "-x"), Map.of(), 10);
        assertEquals(20, r.exitCode(), "the fake must catch a shim that forgets --");
    }

    @Test
    void orEscalate_noDemotionAttempted_exits0WithoutTouchingDrbd() {
        drbd.set("refuse-secondary", true);
        drbd.set("refuse-secondary-force", true);
        Commands.Result r = unitShim("secondary-secondary-force-or-escalate", "r0");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("nothing to escalate"), r.stderr());
        assertEquals(List.of(), drbd.calls());
    }

    @Test
    void orEscalate_afterFailedDemotion_retriesForcedAndEscalates() {
        drbd.set("refuse-secondary", true);
        drbd.set("refuse-secondary-force", true);
        assertEquals(1, unitShim("secondary-secondary-force", "r0").exitCode());
        drbd.clearCalls();
        Commands.Result r = unitShim("secondary-secondary-force-or-escalate", "r0");
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("<0>"), r.stderr());
        assertEquals(List.of("secondary r0", "events2 --now r0", "secondary --force r0", "events2 --now r0"),
                drbd.calls());
        drbd.clearCalls();
        assertEquals(0, unitShim("secondary-secondary-force-or-escalate", "r0").exitCode(), "escalated once only");
        assertEquals(List.of(), drbd.calls());
    }

    @Test
    void primary_afterFailedDemotion_clearsTheRecord() {
        drbd.set("refuse-secondary", true);
        assertEquals(1, unitShim("secondary", "r0").exitCode());
        drbd.set("refuse-secondary", false);
        assertEquals(0, unitShim("primary", "r0").exitCode());
        assertEquals(0, unitShim("secondary-or-escalate", "r0").exitCode());
        assertEquals("primary r0", drbd.calls().get(drbd.calls().size() - 1), "no demotion after the record was cleared");
    }

    @Test
    void primary_accepted_exits0() {
        assertEquals(0, shim("primary", "r0").exitCode());
        assertEquals(List.of("primary r0"), drbd.calls());
    }

    @Test
    void primary_refused_exits1SoExecConditionSkips() {
        drbd.set("refuse-primary", true);
        Commands.Result r = shim("primary", "r0");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("refused"), r.stderr());
    }

    @Test
    void primary_noDrbdsetup_exits255SoSystemdFails() {
        Commands.Result r = Commands.run(List.of(shim.toString(), "primary", "r0"), Map.of("PATH", tmp.resolve("none").toString()), 10);
        assertEquals(255, r.exitCode(), r.stderr());
    }

    @Test
    void secondarySecondaryForce_secondaryRefused_forces() {
        drbd.set("refuse-secondary", true);
        assertEquals(0, shim("secondary-secondary-force", "r0").exitCode());
        assertEquals(List.of("secondary r0", "events2 --now r0", "secondary --force r0"), drbd.calls());
    }

    @Test
    void secondary_refused_exits1WithoutForce() {
        drbd.set("refuse-secondary", true);
        assertEquals(1, shim("secondary", "r0").exitCode());
        assertTrue(drbd.calls().stream().noneMatch(c -> c.contains("--force")));
    }

    @Test
    void secondary_notConfigured_countsAsDemoted() {
        drbd.set("refuse-secondary", true);
        drbd.set("unconfigured", true);
        Commands.Result r = shim("secondary", "r0");
        assertEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("not configured"), r.stderr());
    }

    @Test
    void orEscalate_bothRefused_exits1WithEmergencyMessage() {
        drbd.set("refuse-secondary", true);
        drbd.set("refuse-secondary-force", true);
        Commands.Result r = shim("secondary-secondary-force-or-escalate", "r0");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("<0>"), r.stderr());
    }

    @Test
    void usage_badArguments_exits2() {
        assertEquals(2, shim("promote", "r0").exitCode());
        assertEquals(2, shim("primary").exitCode());
        assertEquals(2, shim("primary", "").exitCode());
        assertEquals(2, shim("primary", "a/b").exitCode());
    }
}
