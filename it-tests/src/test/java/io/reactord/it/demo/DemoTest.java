package io.reactord.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.it.NodeState;
import io.reactord.it.Snapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the demo prints besides the sample table: notes that explain rows, and no private paths. */
final class DemoTest {
    private static NodeState node(String name, boolean up, String role, boolean quorum, String units) {
        return new NodeState(name, up, up, role, quorum, "UpToDate", units, Map.of("m", units, "c", units), "ACTIVE",
                "Primary".equals(role));
    }

    private static Snapshot snap(NodeState... ns) {
        Map<String, NodeState> m = new LinkedHashMap<>();
        for (NodeState n : ns) {
            m.put(n.node(), n);
        }
        return new Snapshot(0, m);
    }

    @Test
    void table_crashedNodeCaughtGoingDown_markedCrashedLastKnown() {
        String t = Demo.table(snap(node("alpha", true, "Primary", true, "active"), node("bravo", true, "Primary", true, "active")),
                Set.of("alpha"));
        assertTrue(t.contains("alpha: crashed (last known state above"), t);
        assertFalse(t.contains("bravo: crashed"), t);
    }

    @Test
    void table_primaryWithoutQuorumRunningUnits_explainedAsNoWriter() {
        String t = Demo.table(snap(node("alpha", true, "Primary", false, "active"), node("bravo", true, "Primary", true, "active")),
                Set.of());
        assertTrue(t.contains("alpha: Primary without quorum: DRBD fails its writes"), t);
        assertFalse(t.contains("bravo: Primary without quorum"), t);
    }

    @Test
    void table_singleActiveNode_noNotes() {
        String t = Demo.table(snap(node("alpha", true, "Primary", true, "active"), node("bravo", true, "Secondary", true, "inactive")),
                Set.of());
        assertEquals(3, t.lines().count(), t);
    }

    @Test
    void withoutRunDir_peerCommandPath_onlyItsName() {
        assertEquals("bravo: told (peer-ctl bravo)",
                Demo.withoutRunDir("bravo: told (/tmp/reactord-it-4242-7/run/peer-ctl bravo)"));
        assertEquals("no paths here", Demo.withoutRunDir("no paths here"));
    }

    @Test
    void invariants_oneLineEach_I1ToI6() {
        assertEquals(6, Demo.INVARIANTS.size());
        for (int i = 0; i < 6; i++) {
            assertTrue(Demo.INVARIANTS.get(i).startsWith("I" + (i + 1) + " "), Demo.INVARIANTS.get(i));
        }
    }
}
