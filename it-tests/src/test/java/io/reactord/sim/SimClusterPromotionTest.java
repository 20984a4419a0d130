package io.reactord.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class SimClusterPromotionTest {

    private static SimCluster three() {
        SimCluster c = SimCluster.threeNodes(SimTiming.fast(), SimResourceSpec.simple("r0"));
        c.settle();
        return c;
    }

    @Test
    void promote_quorateUpToDateNobodyPrimary_succeedsAndPeersSeeIt() {
        SimCluster c = three();
        assertTrue(c.promote("alpha", "r0", false).success());
        assertEquals(Role.PRIMARY, c.role("alpha", "r0"));
        assertFalse(c.mayPromote("bravo", "r0"));
        assertEquals(10103, c.promotionScore("bravo", "r0"), "score stays while a peer is Primary");
        assertTrue(c.promote("alpha", "r0", false).success(), "promoting a Primary is a no-op");
    }

    @Test
    void promotions_countEveryBecomingPrimaryAcrossDemoteAndCrash() {
        SimCluster c = three();
        assertEquals(0, c.promotions("alpha", "r0"));
        c.promote("alpha", "r0", false);
        c.promote("alpha", "r0", false); // already Primary: not another promotion
        assertEquals(1, c.promotions("alpha", "r0"));
        c.promote("bravo", "r0", false); // refused
        assertEquals(0, c.promotions("bravo", "r0"));
        c.demote("alpha", "r0", false);
        c.settle();
        c.promote("alpha", "r0", false);
        c.crash("alpha");
        c.restart("alpha");
        c.settle();
        assertEquals(2, c.promotions("alpha", "r0"), "a reading before and after still differ");
    }

    @Test
    void promote_whilePeerPrimary_refusedWithTwoPrimaries() {
        SimCluster c = three();
        c.promote("alpha", "r0", false);
        ToolResult r = c.promote("bravo", "r0", false);
        assertEquals(11, r.exitCode());
        assertEquals("r0: State change failed: (-1) Multiple primaries not allowed by config\n", r.stderr());
        assertEquals(List.of("alpha"), c.primaries("r0"));
    }

    @Test
    void promote_withoutQuorum_refusedNoQuorum() {
        SimCluster c = three();
        c.partition(List.of(Set.of("alpha", "bravo"), Set.of("charlie")));
        c.settle();
        ToolResult r = c.promote("charlie", "r0", false);
        assertEquals(11, r.exitCode());
        assertEquals("r0: State change failed: (-25) No quorum\n", r.stderr());
    }

    @Test
    void promote_consistentDisk_refusedNeedUpToDateWithExit17() {
        SimCluster c = three();
        c.promote("alpha", "r0", false);
        c.crash("alpha");
        c.runFor(SimTiming.fast().detectCrashMs());
        assertEquals(DiskState.CONSISTENT, c.disk("bravo", "r0", 0));
        ToolResult r = c.promote("bravo", "r0", false);
        assertEquals(17, r.exitCode());
        assertEquals("r0: State change failed: (-2) Need access to UpToDate data\n", r.stderr());
        c.settle();
        assertTrue(c.promote("bravo", "r0", false).success(), "after re-confirmation");
    }

    @Test
    void promote_undetectedDeadPrimary_requestTimesOutTheLinkThenDecides() {
        SimCluster c = three();
        c.promote("alpha", "r0", false);
        c.crash("alpha");
        ToolResult r = c.promote("bravo", "r0", false);
        assertEquals(17, r.exitCode(), "the loss is noticed, the disk is Consistent until re-confirmed");
    }

    @Test
    void promote_bridgePartition_refusedWhileThePrimaryIsReachableThroughTheBridge() {
        SimCluster c = three();
        c.promote("alpha", "r0", false);
        c.partition(List.of(Set.of("alpha", "bravo"), Set.of("bravo", "charlie")));
        c.settle();
        assertTrue(c.quorum("charlie", "r0", 0));
        assertTrue(c.mayPromote("charlie", "r0"), "charlie cannot see the Primary itself");
        assertEquals(11, c.promote("charlie", "r0", false).exitCode(), "the two-phase commit reaches alpha");
        assertEquals(List.of("alpha"), c.primaries("r0"));
    }

    @Test
    void demote_whileOpen_refusedUnlessForced() {
        SimCluster c = three();
        c.promote("alpha", "r0", false);
        assertTrue(c.open("alpha", "r0").success());
        ToolResult r = c.demote("alpha", "r0", false);
        assertEquals(11, r.exitCode());
        assertTrue(r.stderr().contains("(-12) Device is held open by someone"));
        assertTrue(c.demote("alpha", "r0", true).success());
        assertEquals(Role.SECONDARY, c.role("alpha", "r0"));
        assertTrue(c.forceIoFailures("alpha", "r0"));
        assertFalse(c.mayPromote("alpha", "r0"), "force-io-failures forces may_promote off");
        c.close("alpha", "r0");
        assertFalse(c.forceIoFailures("alpha", "r0"));
        assertTrue(c.mayPromote("alpha", "r0"));
    }

    @Test
    void open_onSecondary_refused() {
        SimCluster c = three();
        assertEquals(1, c.open("alpha", "r0").exitCode());
    }

    @Test
    void operations_onCrashedNode_throw() {
        SimCluster c = three();
        c.crash("alpha");
        assertThrows(IllegalStateException.class, () -> c.promote("alpha", "r0", false));
        assertThrows(IllegalArgumentException.class, () -> c.promote("zulu", "r0", false));
    }

    @Test
    void toolCommands_unknownResource_exit10LikeDrbdsetup() {
        SimCluster c = three();
        ToolResult r = new ToolCommands(c).run("alpha", "drbdsetup", List.of("primary", "nope"));
        assertEquals(10, r.exitCode());
        assertTrue(r.stderr().startsWith("nope: Failure: (158) Unknown resource"));
        assertEquals(0, new ToolCommands(c).run("alpha", "drbdadm", List.of("adjust", "r0")).exitCode());
        assertEquals(10, new ToolCommands(c).run("alpha", "drbdadm", List.of("adjust", "nope")).exitCode());
    }

    @Test
    void diskless_client_promotesWithAnUpToDatePeerAndWritesReachIt() {
        SimCluster c = SimCluster.threeNodes(SimTiming.fast(),
                SimResourceSpec.simple("r0").withDiskless(Set.of("charlie")));
        c.settle();
        assertEquals(2, c.promotionScore("charlie", "r0"), "no local disk: only the replica count");
        assertTrue(c.promote("charlie", "r0", false).success());
        assertTrue(c.write("charlie", "r0", 1).success());
        assertEquals(List.of(1L), c.data("alpha", "r0"));
        assertEquals("1\n", c.read("charlie", "r0").stdout());
    }
}
