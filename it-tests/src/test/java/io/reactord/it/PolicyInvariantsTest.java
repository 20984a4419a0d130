package io.reactord.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class PolicyInvariantsTest {

    private final FakeBackend backend = new FakeBackend();
    private final Invariants inv = new Invariants(backend, new Timeline());

    private static Snapshot snap(long t, String node, String promoter, String mount, String controller) {
        Map<String, String> u = new LinkedHashMap<>();
        u.put(ClusterConfig.MOUNT_UNIT, mount);
        u.put(ClusterConfig.CONTROLLER_UNIT, controller);
        Map<String, NodeState> m = new LinkedHashMap<>();
        m.put(node, new NodeState(node, true, true, "Primary", true, "UpToDate", "active", u, promoter, true));
        return new Snapshot(t, m);
    }

    private void startStack(String node) {
        backend.starts.merge(node + " " + ClusterConfig.MOUNT_UNIT, 1L, Long::sum);
        backend.starts.merge(node + " " + ClusterConfig.CONTROLLER_UNIT, 1L, Long::sum);
    }

    private List<String> violations(String prefix) {
        return inv.violations().stream().filter(v -> v.startsWith(prefix)).toList();
    }

    @Test
    void sample_activeWithFailedUnitBeyondBound_violatesI6() {
        inv.sample(snap(1000, "alpha", "ACTIVE", "active", "failed"));
        inv.sample(snap(1000 + PolicyInvariants.STATUS_BOUND_MS, "alpha", "ACTIVE", "active", "failed"));
        assertEquals(List.of(), violations("I6"));
        inv.sample(snap(1001 + PolicyInvariants.STATUS_BOUND_MS, "alpha", "ACTIVE", "active", "failed"));
        assertEquals(1, violations("I6").size());
    }

    @Test
    void sample_failedUnitReportedByStatusNotActive_isNoViolation() {
        backend.states.put("alpha", "BACKOFF");
        inv.sample(snap(1000, "alpha", null, "failed", "inactive"));
        inv.sample(snap(60_000, "alpha", null, "failed", "inactive"));
        assertEquals(List.of(), violations("I6"));
    }

    @Test
    void sample_activeReportedByStatusWithFailedUnit_violatesI6() {
        backend.states.put("alpha", "ACTIVE");
        inv.sample(snap(1000, "alpha", null, "active", "failed"));
        inv.sample(snap(7000, "alpha", null, "active", "failed"));
        assertEquals(1, violations("I6").size());
    }

    @Test
    void sample_sevenStackStartsInAWindowWithoutStep_violatesI7() {
        inv.sample(snap(0, "alpha", "ACTIVE", "active", "active"));
        for (int i = 1; i <= 6; i++) {
            startStack("alpha");
            inv.sample(snap(i * 1000L, "alpha", "ACTIVE", "active", "active"));
        }
        assertEquals(List.of(), violations("I7"));
        startStack("alpha");
        inv.sample(snap(7000, "alpha", "ACTIVE", "active", "active"));
        assertEquals(1, violations("I7").size());
    }

    @Test
    void sample_startsSpreadBeyondTheWindowOrAfterASteps_isNoViolation() {
        inv.sample(snap(0, "alpha", "ACTIVE", "active", "active"));
        for (int i = 1; i <= 20; i++) {
            startStack("alpha");
            inv.sample(snap(i * 5000L, "alpha", "ACTIVE", "active", "active"));
        }
        for (int i = 1; i <= 20; i++) {
            inv.stepped(200_000 + i * 100L, "a fault");
            startStack("alpha");
            inv.sample(snap(200_000 + i * 100L, "alpha", "ACTIVE", "active", "active"));
        }
        assertEquals(List.of(), violations("I7"));
    }

    @Test
    void sample_demoteWhileTheDeviceIsOpen_violatesI8() {
        String res = ClusterConfig.RESOURCE;
        assertTrue(backend.sim.promote("alpha", res, false).success());
        assertTrue(backend.sim.open("alpha", res).success());
        backend.sim.demote("alpha", res, true);
        inv.sample(snap(backend.sim.now(), "alpha", "ACTIVE", "active", "active"));
        assertEquals(1, violations("I8").size());
    }

    @Test
    void sample_demoteAfterTheDeviceWasClosed_isNoViolation() {
        String res = ClusterConfig.RESOURCE;
        backend.sim.promote("alpha", res, false);
        backend.sim.open("alpha", res);
        backend.sim.close("alpha", res);
        assertTrue(backend.sim.demote("alpha", res, false).success());
        inv.sample(snap(backend.sim.now(), "alpha", "IDLE", "inactive", "inactive"));
        assertEquals(List.of(), violations("I8"));
    }

    @Test
    void sample_failureActionWithoutAFailedDemotion_violatesI9() {
        backend.sim.promote("bravo", ClusterConfig.RESOURCE, false);
        backend.sim.mark("bravo", ClusterConfig.RESOURCE, "failure-action failed");
        inv.sample(snap(backend.sim.now(), "alpha", "IDLE", "inactive", "inactive"));
        assertEquals(1, violations("I9").size());
    }

    @Test
    void sample_failureActionAfterAFailedDemotionOfAPrimary_isNoViolation() {
        String res = ClusterConfig.RESOURCE;
        backend.sim.promote("bravo", res, false);
        backend.sim.failDemote("bravo", res, true);
        backend.sim.demote("bravo", res, false);
        backend.sim.demote("bravo", res, true);
        backend.sim.mark("bravo", res, "failure-action exit-code");
        inv.sample(snap(backend.sim.now(), "alpha", "IDLE", "inactive", "inactive"));
        assertEquals(List.of(), violations("I9"));
    }
}
