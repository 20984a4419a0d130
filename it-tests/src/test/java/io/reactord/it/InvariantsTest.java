package io.reactord.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class InvariantsTest {

    private static NodeState node(String name, String role, boolean quorum, String target, String units,
                                  boolean primaryAround) {
        Map<String, String> u = new LinkedHashMap<>();
        u.put("mount", units);
        u.put("controller", units);
        return new NodeState(name, true, true, role, quorum, "UpToDate", target, u, null, primaryAround);
    }

    private static Snapshot snap(NodeState... n) {
        Map<String, NodeState> m = new LinkedHashMap<>();
        for (NodeState s : n) {
            m.put(s.node(), s);
        }
        return new Snapshot(1000, m);
    }

    @Test
    void sample_twoQuoratePrimaries_violatesI1() {
        Invariants inv = new Invariants(null, new Timeline());
        inv.sample(snap(node("a", "Primary", true, "active", "active", true),
                node("b", "Primary", true, "inactive", "inactive", true)));
        assertEquals(1, inv.violations().size());
        assertTrue(inv.violations().get(0).startsWith("I1: two Primaries with quorum"));
    }

    @Test
    void sample_oldPrimaryWithoutQuorum_isOverlapNotViolation() {
        Invariants inv = new Invariants(null, new Timeline());
        inv.sample(snap(node("a", "Primary", false, "active", "active", true),
                node("b", "Primary", true, "active", "active", true)));
        assertEquals(List.of(), inv.violations());
        assertEquals(1, inv.overlapSamples());
    }

    @Test
    void sample_unitRunningOnSecondary_violatesI1() {
        Invariants inv = new Invariants(null, new Timeline());
        inv.sample(snap(node("a", "Secondary", true, "inactive", "active", false)));
        assertTrue(inv.violations().get(0).startsWith("I1: a unit of the target runs on a"));
    }

    @Test
    void sample_unitRunningWhileRoleReadsRaced_isNoViolation() {
        Invariants inv = new Invariants(null, new Timeline());
        inv.sample(snap(node("a", "Secondary", true, "active", "active", true)));
        assertEquals(List.of(), inv.violations());
    }

    @Test
    void converged_onePrimaryRunningAll_namesIt() {
        Snapshot s = snap(node("a", "Primary", true, "active", "active", true),
                node("b", "Secondary", true, "inactive", "inactive", false));
        assertEquals("a", s.converged());
    }

    @Test
    void converged_failedUnitOnActiveNode_isNotConverged() {
        Map<String, String> u = new LinkedHashMap<>();
        u.put("mount", "failed");
        u.put("controller", "active");
        Snapshot s = snap(new NodeState("a", true, true, "Primary", true, "UpToDate", "active", u, null, true),
                node("b", "Secondary", true, "inactive", "inactive", false));
        assertNull(s.converged());
    }

    @Test
    void converged_unitOfThePrimaryGoingDownOrRestarting_isNotConverged() {
        for (String moving : List.of("deactivating", "activating")) {
            Map<String, String> u = new LinkedHashMap<>();
            u.put("mount", "active");
            u.put("controller", moving);
            Snapshot s = snap(new NodeState("a", true, true, "Primary", true, "UpToDate", "active", u, null, true),
                    node("b", "Secondary", true, "inactive", "inactive", false));
            assertNull(s.converged(), moving);
            assertTrue(!s.idle(), moving);
        }
    }

    @Test
    void converged_secondNodeRunsAUnit_isNotConverged() {
        Snapshot s = snap(node("a", "Primary", true, "active", "active", true),
                node("b", "Secondary", true, "inactive", "deactivating", false));
        assertNull(s.converged());
        assertTrue(!s.idle());
    }
}
