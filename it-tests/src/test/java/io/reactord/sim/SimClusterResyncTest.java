package io.reactord.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Data generations across resyncs: writes during a resync, stale nodes next to a newer sync target, restarts. */
final class SimClusterResyncTest {

    private static SimCluster three() {
        SimCluster c = SimCluster.threeNodes(SimTiming.fast(), SimResourceSpec.simple("r0"));
        c.settle();
        return c;
    }

    /** charlie misses write 1, then resyncs from alpha; the resync is still running when this returns. */
    private static SimCluster charlieSyncingFromAlpha() {
        SimCluster c = three();
        c.promote("alpha", "r0", false);
        c.partition(List.of(Set.of("alpha", "bravo"), Set.of("charlie")));
        c.settle();
        assertTrue(c.write("alpha", "r0", 1).success());
        c.heal();
        c.runFor(SimTiming.fast().connectMs() + 10);
        assertEquals(ReplState.SYNC_TARGET, c.replication("charlie", "r0", "alpha", 0));
        return c;
    }

    @Test
    void write_duringResync_reachesTheSyncTargetAndEveryoneEndsEqual() {
        SimCluster c = charlieSyncingFromAlpha();
        assertTrue(c.write("alpha", "r0", 2).success());
        assertEquals(List.of(1L, 2L), c.data("charlie", "r0"), "the sync target holds the writer's generation");
        c.settle();
        for (String n : c.nodeNames()) {
            assertEquals(DiskState.UP_TO_DATE, c.disk(n, "r0", 0), n);
            assertEquals(List.of(1L, 2L), c.data(n, "r0"), n);
        }
        assertTrue(c.divergences("r0").isEmpty());
    }

    @Test
    void coldStart_afterCrashOfAllMidResync_equalConsistentNodesBecomeUpToDateAndPromote() {
        SimCluster c = charlieSyncingFromAlpha();
        for (String n : c.nodeNames()) {
            c.crash(n);
        }
        c.settle();
        for (String n : c.nodeNames()) {
            c.restart(n);
        }
        c.settle();
        for (String n : c.nodeNames()) {
            assertEquals(DiskState.UP_TO_DATE, c.disk(n, "r0", 0), n);
        }
        assertTrue(c.promote("bravo", "r0", false).success());
        assertEquals(List.of(1L), c.data("bravo", "r0"));
    }

    @Test
    void staleNode_nextToNewerSyncTarget_goesOutdatedAndNeverPromotesUntilTheDataReturns() {
        SimCluster c = three();
        c.promote("alpha", "r0", false);
        c.partition(List.of(Set.of("alpha", "charlie"), Set.of("bravo")));
        c.settle();
        assertTrue(c.write("alpha", "r0", 1).success());
        c.detachDisk("charlie", "r0", 0, false);
        c.attachDisk("charlie", "r0", 0);
        c.runFor(1);
        assertEquals(DiskState.INCONSISTENT, c.disk("charlie", "r0", 0), "charlie resyncs its new disk from alpha");
        c.crash("alpha");
        c.heal();
        c.settle();
        assertEquals(DiskState.OUTDATED, c.disk("bravo", "r0", 0), "bravo learned that charlie knows newer data");
        assertFalse(c.mayPromote("bravo", "r0"));
        assertFalse(c.promote("bravo", "r0", false).success());
        c.restart("alpha");
        c.settle();
        for (String n : c.nodeNames()) {
            assertEquals(DiskState.UP_TO_DATE, c.disk(n, "r0", 0), n);
            assertEquals(List.of(1L), c.data(n, "r0"), n);
        }
    }

    @Test
    void resync_interruptedAndRestartedBeforeTheOldOneWouldEnd_completes() {
        SimCluster c = charlieSyncingFromAlpha();
        SimTiming t = SimTiming.fast();
        c.isolate("charlie");
        c.runFor(t.detectPartitionMs() + 1);
        c.heal();
        c.runFor(2 * t.teardownStepMs() + t.connectMs() + 10);
        assertEquals(ReplState.SYNC_TARGET, c.replication("charlie", "r0", "alpha", 0), "a new resync runs");
        c.settle();
        assertEquals(ReplState.ESTABLISHED, c.replication("charlie", "r0", "alpha", 0));
        assertEquals(ReplState.ESTABLISHED, c.replication("alpha", "r0", "charlie", 0));
        assertEquals(DiskState.UP_TO_DATE, c.disk("charlie", "r0", 0));
    }
}
