package io.reactord.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class SimClusterFailoverTest {

    private static SimCluster three(ResourceOptions o) {
        SimCluster c = SimCluster.threeNodes(SimTiming.fast(), SimResourceSpec.simple("r0").withOptions(o));
        c.settle();
        return c;
    }

    @Test
    void crash_ofPrimary_uncleanLossDance_consistentThenUpToDateThenMayPromote() {
        SimCluster c = three(ResourceOptions.recommended());
        c.promote("bravo", "r0", false);
        Recorder alpha = Recorder.on(c, "alpha");
        int start = alpha.lines.size();
        c.crash("bravo");
        c.settle();
        int failure = alpha.indexOf(start, "change connection", "conn-name:bravo", "connection:NetworkFailure");
        int consistent = alpha.indexOf(start, "change device", "disk:Consistent");
        int helper = alpha.indexOf(start, "call helper", "helper:disconnected");
        int unconnected = alpha.indexOf(start, "conn-name:bravo", "connection:Unconnected");
        int connecting = alpha.indexOf(start, "conn-name:bravo", "connection:Connecting");
        int upToDate = alpha.indexOf(consistent, "change device", "disk:UpToDate");
        int promotable = alpha.indexOf(start, "change resource", "may_promote:yes", "promotion_score:10102");
        assertTrue(failure >= 0 && consistent >= 0 && helper > failure && unconnected > helper
                && connecting > unconnected && upToDate > consistent && promotable >= 0, alpha.since(start).toString());
        assertTrue(alpha.indexOf(start, "change resource", "may_promote:no", "promotion_score:10001") >= 0,
                "Consistent with one UpToDate peer scores 10001");
    }

    @Test
    void quorumLoss_ioError_primaryStaysPrimaryNotSuspendedWritesFail() {
        SimCluster c = three(ResourceOptions.recommended());
        c.promote("alpha", "r0", false);
        Recorder alpha = Recorder.on(c, "alpha");
        c.partition(List.of(Set.of("alpha"), Set.of("bravo", "charlie")));
        c.settle();
        assertEquals(Role.PRIMARY, c.role("alpha", "r0"));
        assertFalse(c.suspended("alpha", "r0"));
        assertTrue(alpha.indexOf(0, "call helper", "helper:quorum-lost", "volume:0", "minor:1000") >= 0);
        ToolResult w = c.write("alpha", "r0", 1);
        assertEquals(5, w.exitCode());
        assertTrue(c.data("alpha", "r0").isEmpty());
    }

    @Test
    void quorumLoss_suspendIo_primarySuspendedWritesNotAcknowledged() {
        SimCluster c = three(ResourceOptions.recommended().withOnNoQuorum(ResourceOptions.OnNoQuorum.SUSPEND_IO));
        c.promote("alpha", "r0", false);
        Recorder alpha = Recorder.on(c, "alpha");
        c.partition(List.of(Set.of("alpha"), Set.of("bravo", "charlie")));
        c.settle();
        assertTrue(c.suspended("alpha", "r0"));
        assertTrue(alpha.indexOf(0, "change resource", "role:Primary", "suspended:quorum") >= 0);
        assertEquals(6, c.write("alpha", "r0", 1).exitCode());
        c.heal();
        c.settle();
        assertFalse(c.suspended("alpha", "r0"), "quorum back: I/O resumes");
        assertTrue(c.write("alpha", "r0", 2).success());
    }

    @Test
    void forceSecondary_frozenPrimaryReconnectsToNewerData_demotedOutdatedThenResynced() {
        SimCluster c = three(ResourceOptions.recommended().withOnNoQuorum(ResourceOptions.OnNoQuorum.SUSPEND_IO));
        c.promote("alpha", "r0", false);
        c.open("alpha", "r0");
        assertTrue(c.write("alpha", "r0", 1).success());
        c.partition(List.of(Set.of("alpha"), Set.of("bravo", "charlie")));
        c.settle();
        assertTrue(c.promote("bravo", "r0", false).success());
        assertTrue(c.write("bravo", "r0", 2).success());
        Recorder alpha = Recorder.on(c, "alpha");
        c.heal();
        c.settle();
        assertEquals(Role.SECONDARY, c.role("alpha", "r0"));
        assertTrue(c.forceIoFailures("alpha", "r0"));
        assertTrue(alpha.indexOf(0, "change resource", "role:Secondary", "force-io-failures:yes") >= 0);
        assertTrue(alpha.indexOf(0, "change device", "disk:Inconsistent") >= 0);
        assertTrue(alpha.indexOf(0, "replication:SyncTarget") >= 0);
        assertEquals(DiskState.UP_TO_DATE, c.disk("alpha", "r0", 0));
        assertEquals(List.of(1L, 2L), c.data("alpha", "r0"));
        assertEquals(List.of("bravo"), c.primaries("r0"));
        assertTrue(c.divergences("r0").isEmpty());
    }

    @Test
    void disconnectPolicy_frozenPrimaryWithOlderData_staysIsolatedUntilDemoted() {
        SimCluster c = three(ResourceOptions.recommended().withOnNoQuorum(ResourceOptions.OnNoQuorum.SUSPEND_IO)
                .withOnSuspendedPrimaryOutdated(ResourceOptions.OnSuspendedPrimaryOutdated.DISCONNECT));
        c.promote("alpha", "r0", false);
        c.partition(List.of(Set.of("alpha"), Set.of("bravo", "charlie")));
        c.settle();
        c.promote("bravo", "r0", false);
        c.write("bravo", "r0", 1);
        c.heal();
        c.settle();
        assertEquals(Role.PRIMARY, c.role("alpha", "r0"));
        assertEquals(ConnState.STANDALONE, c.connection("alpha", "r0", "bravo"));
        assertTrue(c.demote("alpha", "r0", true).success());
        c.settle();
        assertEquals(ConnState.CONNECTED, c.connection("alpha", "r0", "bravo"));
        assertEquals(List.of(1L), c.data("alpha", "r0"));
    }

    @Test
    void resync_staleNodeRejoins_inconsistentUntilResyncTimeElapsed() {
        SimCluster c = three(ResourceOptions.recommended());
        c.promote("alpha", "r0", false);
        c.crash("charlie");
        c.settle();
        for (long i = 1; i <= 5; i++) {
            assertTrue(c.write("alpha", "r0", i).success());
        }
        c.restart("charlie");
        c.runFor(SimTiming.fast().connectMs());
        assertEquals(DiskState.INCONSISTENT, c.disk("charlie", "r0", 0));
        assertEquals(ReplState.SYNC_TARGET, c.replication("charlie", "r0", "alpha", 0));
        assertFalse(c.mayPromote("charlie", "r0"));
        c.runFor(SimTiming.fast().resyncMs() / 2);
        assertEquals(DiskState.INCONSISTENT, c.disk("charlie", "r0", 0));
        c.runFor(SimTiming.fast().resyncMs());
        assertEquals(DiskState.UP_TO_DATE, c.disk("charlie", "r0", 0));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), c.data("charlie", "r0"));
    }

    @Test
    void detach_primaryDisk_staysPrimaryReadsAndWritesThroughPeersAndReattachResyncs() {
        SimCluster c = three(ResourceOptions.recommended());
        c.promote("alpha", "r0", false);
        Recorder alpha = Recorder.on(c, "alpha");
        c.detachDisk("alpha", "r0", 0, true);
        c.settle();
        assertEquals(DiskState.DISKLESS, c.disk("alpha", "r0", 0));
        assertTrue(alpha.indexOf(0, "helper:local-io-error") >= 0);
        assertTrue(alpha.indexOf(0, "disk:Failed") >= 0);
        assertTrue(c.write("alpha", "r0", 1).success());
        assertEquals(List.of(1L), c.data("bravo", "r0"));
        c.attachDisk("alpha", "r0", 0);
        c.settle();
        assertEquals(DiskState.UP_TO_DATE, c.disk("alpha", "r0", 0));
        assertEquals(List.of(1L), c.data("alpha", "r0"));
    }

    @Test
    void flap_primaryIsolatedRepeatedly_neverTwoPrimariesAndSettlesConnected() {
        SimCluster c = three(ResourceOptions.recommended());
        c.promote("alpha", "r0", false);
        c.flap("alpha", 300, 300, 10);
        for (int i = 0; i < 600; i++) {
            c.runFor(10);
            for (String n : c.nodeNames()) {
                if (c.role(n, "r0") == Role.SECONDARY && c.mayPromote(n, "r0") && c.primaries("r0").isEmpty()) {
                    c.promote(n, "r0", false);
                }
            }
            for (String p : c.primaries("r0")) {
                if (!c.quorum(p, "r0", 0)) {
                    c.demote(p, "r0", true);
                }
            }
            long quorate = c.primaries("r0").stream().filter(p -> c.quorum(p, "r0", 0)).count();
            assertTrue(quorate <= 1, "at " + c.now() + ": " + c.primaries("r0"));
        }
        c.settle();
        assertEquals(1, c.primaries("r0").size());
        for (String n : c.nodeNames()) {
            for (String p : c.nodeNames()) {
                if (!n.equals(p)) {
                    assertEquals(ConnState.CONNECTED, c.connection(n, "r0", p), n + "->" + p);
                }
            }
        }
    }

    @Test
    void twoVolumes_quorumAndScorePerVolume_detachOneVolumeLowersTheScore() {
        SimCluster c = SimCluster.threeNodes(SimTiming.fast(), SimResourceSpec.simple("r0").withVolumes(2));
        c.settle();
        Recorder alpha = Recorder.on(c, "alpha");
        assertTrue(alpha.indexOf(0, "exists device", "volume:1", "minor:1001") >= 0);
        assertTrue(alpha.indexOf(0, "exists peer-device", "conn-name:bravo", "volume:1") >= 0);
        assertEquals(10203, c.promotionScore("alpha", "r0"), "2 local UpToDate volumes, 3 replicas each");
        c.detachDisk("alpha", "r0", 1, false);
        c.settle();
        assertEquals(DiskState.DISKLESS, c.disk("alpha", "r0", 1));
        assertEquals(102, c.promotionScore("alpha", "r0"), "a Diskless volume: no 10000, one UpToDate volume");
        assertTrue(c.quorum("alpha", "r0", 1), "diskless volume: quorum through its quorate peers");
    }

    @Test
    void realisticProfile_crashSeenAfterPingTimeout_partitionMuchLater() {
        SimCluster c = SimCluster.threeNodes(SimTiming.realistic(), SimResourceSpec.simple("r0"));
        c.settle();
        c.crash("charlie");
        c.runFor(SimTiming.realistic().detectCrashMs() - 1);
        assertEquals(ConnState.CONNECTED, c.connection("alpha", "r0", "charlie"));
        c.runFor(1);
        assertEquals(ConnState.NETWORK_FAILURE, c.connection("alpha", "r0", "charlie"));
        c.cutLink("alpha", "bravo", true);
        c.runFor(SimTiming.realistic().detectPartitionMs() - 1);
        assertEquals(ConnState.CONNECTED, c.connection("bravo", "r0", "alpha"), "a one-way cut is not seen at once");
        c.runFor(1);
        assertEquals(ConnState.NETWORK_FAILURE, c.connection("bravo", "r0", "alpha"), "both sides see it");
        assertEquals(ConnState.NETWORK_FAILURE, c.connection("alpha", "r0", "bravo"));
    }

    @Test
    void coldStart_allNodesRestart_becomeUpToDateOnlyOnceQuorate() {
        SimCluster c = three(ResourceOptions.recommended());
        for (String n : c.nodeNames()) {
            c.crash(n);
        }
        c.restart("alpha");
        c.settle();
        assertEquals(DiskState.CONSISTENT, c.disk("alpha", "r0", 0));
        assertFalse(c.quorum("alpha", "r0", 0));
        c.restart("bravo");
        c.settle();
        assertEquals(DiskState.UP_TO_DATE, c.disk("alpha", "r0", 0));
        assertTrue(c.mayPromote("alpha", "r0"));
    }
}
