package io.reactord.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class SimClusterQuorumTest {

    private static SimCluster three(ResourceOptions options) {
        SimCluster c = SimCluster.threeNodes(SimTiming.fast(), SimResourceSpec.simple("r0").withOptions(options));
        c.settle();
        return c;
    }

    @Test
    void initial_allConnected_everyNodeQuorateAndPromotable() {
        SimCluster c = three(ResourceOptions.recommended());
        for (String n : c.nodeNames()) {
            assertTrue(c.quorum(n, "r0", 0), n);
            assertTrue(c.mayPromote(n, "r0"), n);
            assertEquals(10103, c.promotionScore(n, "r0"), n);
        }
    }

    @Test
    void partition_twoPlusOne_majorityKeepsQuorumMinorityLosesIt() {
        SimCluster c = three(ResourceOptions.recommended());
        c.partition(List.of(Set.of("alpha", "bravo"), Set.of("charlie")));
        c.settle();
        assertTrue(c.quorum("alpha", "r0", 0));
        assertTrue(c.quorum("bravo", "r0", 0));
        assertFalse(c.quorum("charlie", "r0", 0));
        assertEquals(0, c.promotionScore("charlie", "r0"));
        assertEquals(10102, c.promotionScore("alpha", "r0"));
        assertEquals(ConnState.CONNECTING, c.connection("charlie", "r0", "alpha"));
    }

    @Test
    void partition_everyNodeAlone_nobodyQuorateUntilHeal() {
        SimCluster c = three(ResourceOptions.recommended());
        c.partition(List.of());
        c.settle();
        for (String n : c.nodeNames()) {
            assertFalse(c.quorum(n, "r0", 0), n);
            assertFalse(c.mayPromote(n, "r0"), n);
            assertEquals(11, c.promote(n, "r0", false).exitCode(), n);
        }
        c.heal();
        c.settle();
        for (String n : c.nodeNames()) {
            assertTrue(c.quorum(n, "r0", 0), n);
            assertTrue(c.mayPromote(n, "r0"), n);
        }
    }

    @Test
    void tiebreaker_twoDiskfulOneDiskless_survivorOfPeerLossKeepsQuorum() {
        SimCluster c = SimCluster.threeNodes(SimTiming.fast(),
                SimResourceSpec.simple("r0").withDiskless(Set.of("charlie")));
        c.settle();
        assertEquals(DiskState.DISKLESS, c.disk("charlie", "r0", 0));
        assertTrue(c.quorum("charlie", "r0", 0));
        c.crash("bravo");
        c.settle();
        assertTrue(c.quorum("alpha", "r0", 0), "alpha keeps quorum through the diskless tiebreaker");
        assertTrue(c.promote("alpha", "r0", false).success());
    }

    @Test
    void tiebreaker_bothHalvesSeeIt_onlyTheHalfWithThePrimaryKeepsQuorum() {
        SimCluster c = SimCluster.threeNodes(SimTiming.fast(),
                SimResourceSpec.simple("r0").withDiskless(Set.of("charlie")));
        c.settle();
        assertTrue(c.promote("bravo", "r0", false).success());
        c.cutLink("alpha", "bravo", false);
        c.settle();
        assertTrue(c.quorum("bravo", "r0", 0));
        assertFalse(c.quorum("alpha", "r0", 0));
        assertEquals(11, c.promote("alpha", "r0", false).exitCode());
    }

    @Test
    void tiebreaker_isSticky_aRestartedNodeCannotGainQuorumThroughIt() {
        SimCluster c = SimCluster.threeNodes(SimTiming.fast(),
                SimResourceSpec.simple("r0").withDiskless(Set.of("charlie")));
        c.settle();
        c.crash("alpha");
        c.crash("bravo");
        c.settle();
        c.restart("alpha");
        c.settle();
        assertFalse(c.quorum("alpha", "r0", 0));
    }

    @Test
    void outdated_gracefulLeavers_dropOutOfTheVote_lastManStandingKeepsQuorum() {
        SimCluster c = three(ResourceOptions.recommended());
        assertTrue(c.shutdown("charlie").success());
        c.settle();
        assertTrue(c.quorum("alpha", "r0", 0));
        assertTrue(c.shutdown("bravo").success());
        c.settle();
        assertTrue(c.quorum("alpha", "r0", 0), "Outdated peers are not voters");
        assertTrue(c.promote("alpha", "r0", false).success());
    }

    @Test
    void crash_uncleanLossOfTwoPeers_lastNodeLosesQuorum() {
        SimCluster c = three(ResourceOptions.recommended());
        c.crash("charlie");
        c.crash("bravo");
        c.settle();
        assertFalse(c.quorum("alpha", "r0", 0));
    }

    @Test
    void minimumRedundancy_twoNeeded_consistentPeerDoesNotCount() {
        SimCluster c = three(ResourceOptions.recommended().withMinimumRedundancy(QuorumSetting.of(2)));
        assertTrue(c.quorum("alpha", "r0", 0));
        c.crash("charlie");
        c.settle();
        assertTrue(c.quorum("alpha", "r0", 0));
        c.detachDisk("bravo", "r0", 0, false);
        c.settle();
        assertFalse(c.quorum("alpha", "r0", 0), "only one UpToDate node left");
    }

    @Test
    void quorumOff_aloneStillQuorate() {
        SimCluster c = three(ResourceOptions.recommended().withQuorum(QuorumSetting.OFF));
        c.partition(List.of());
        c.settle();
        assertTrue(c.quorum("alpha", "r0", 0));
    }
}
