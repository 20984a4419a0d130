package io.reactord.agent.promoter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.config.QuorumLossPolicy;
import io.reactord.events2.DiskState;
import io.reactord.events2.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PromoterStartTest {

    private static PromoterSettings with(double factor, List<String> preferred, boolean fencing, QuorumLossPolicy q) {
        PromoterSettings d = Harness.settings();
        return new PromoterSettings(d.resource(), d.localNode(), d.target(), d.units(), d.runner(), factor, preferred,
                d.preferredNodesPolicy(), q, d.onDiskDetach(), fencing, d.fencingPromoteDelay(), false,
                d.maxFailures(), d.failureWindow(), d.backoffInitial(), d.backoffMax());
    }

    private static long startTimeFor(PromoterSettings s, ResourceView v) {
        Harness h = new Harness(s);
        h.dump(Views.of().build(), UnitActiveState.INACTIVE);
        h.view(v);
        for (int ms = 0; ms <= 60_000; ms += 100) {
            if (h.count(Command.Start.class) > 0) {
                return h.clock.millis();
            }
            h.advance(Duration.ofMillis(100));
        }
        return -1;
    }

    @Test
    void handle_viewsBeforeDump_decideNothing() {
        Harness h = new Harness();
        h.view(Views.promotable());
        h.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), h.actions);
        assertEquals(PromoterState.UNKNOWN, h.state());
    }

    @Test
    void handle_promotableUpToDateNoSleep_startsAfterResetFailed() {
        Harness h = new Harness(with(1.0, List.of(), false, QuorumLossPolicy.SHUTDOWN));
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        assertEquals(List.of("reset-failed " + Harness.TARGET, "start " + Harness.TARGET), h.described());
        assertEquals(PromoterState.STARTING, h.state());
    }

    @Test
    void promoteSleep_diskPenaltyByWorstVolume_matchesDesign() {
        PromoterSettings s = with(1.0, List.of(), false, QuorumLossPolicy.SHUTDOWN);
        assertEquals(0, startTimeFor(s, Views.of().mayPromote(true).disk(DiskState.UP_TO_DATE).build()));
        assertEquals(1000, startTimeFor(s, Views.of().mayPromote(true).disk(DiskState.CONSISTENT).build()));
        assertEquals(2000, startTimeFor(s, Views.of().mayPromote(true).disk(DiskState.OUTDATED).build()));
        assertEquals(3000, startTimeFor(s, Views.of().mayPromote(true).disk(DiskState.INCONSISTENT).build()));
        assertEquals(6000, startTimeFor(s, Views.of().mayPromote(true).disk(DiskState.DISKLESS).build()));
    }

    @Test
    void promoteSleep_preferredIndexFencingFreezeAndFactor_areAddedThenMultiplied() {
        ResourceView v = Views.of().mayPromote(true).disk(DiskState.CONSISTENT).build();
        // disk 1 + index 2 (not in a list of two) = 3 s
        assertEquals(3000, startTimeFor(with(1.0, List.of("bravo", "charlie"), false, QuorumLossPolicy.SHUTDOWN), v));
        // index 1
        assertEquals(2000, startTimeFor(with(1.0, List.of("bravo", "alpha"), false, QuorumLossPolicy.SHUTDOWN), v));
        // + fencing 5 s
        assertEquals(6000, startTimeFor(with(1.0, List.of("alpha"), true, QuorumLossPolicy.SHUTDOWN), v));
        // + 2 s in freeze mode on a Secondary, all x 2
        assertEquals(6000, startTimeFor(with(2.0, List.of("alpha"), false, QuorumLossPolicy.FREEZE), v));
        // factor 0: no sleep at all
        assertEquals(0, startTimeFor(with(0.0, List.of("bravo"), true, QuorumLossPolicy.FREEZE), v));
    }

    @Test
    void handle_promotabilityLostWhilePending_cancelsStart() {
        Harness h = new Harness();
        h.dump(Views.of().build(), UnitActiveState.INACTIVE);
        h.view(Views.of().mayPromote(true).disk(DiskState.OUTDATED).build());
        assertEquals(PromoterState.PENDING, h.state());
        h.advance(Duration.ofMillis(1500));
        h.view(Views.peerPrimary());
        assertEquals(PromoterState.IDLE, h.state());
        h.advance(Duration.ofMinutes(10));
        assertEquals(0, h.count(Command.Start.class));
        assertTrue(h.timers.isEmpty(), "timer left behind: " + h.timers);
    }

    @Test
    void handle_startDoneActive_becomesActive() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE).startDone();
        assertEquals(PromoterState.ACTIVE, h.state());
        h.view(Views.primary());
        assertEquals(PromoterState.ACTIVE, h.state());
        assertEquals(1, h.count(Command.Start.class));
        assertEquals(0, h.count(Command.Stop.class));
    }

    @Test
    void handle_lostRaceConditionFalse_isQuietAndCountsNoFailure() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        h.job(JobResult.DEPENDENCY, UnitActiveState.INACTIVE, false);
        h.view(Views.peerPrimary());
        assertEquals(PromoterState.IDLE, h.state());
        assertEquals(0, h.count(Command.Stop.class));
        assertEquals(0, h.promoter.status(h.clock.millis()).failures());
        assertTrue(h.journal.stream().noneMatch(e -> e.severity() != Severity.INFO), "lost race must not warn");
    }

    @Test
    void handle_startSkipped_isLostRace() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        h.view(Views.peerPrimary());
        h.job(JobResult.SKIPPED, UnitActiveState.INACTIVE, null);
        assertEquals(PromoterState.IDLE, h.state());
        assertEquals(0, h.promoter.status(h.clock.millis()).failures());
    }

    @Test
    void handle_realStartFailure_stopsAndBacksOffThenRetries() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        h.job(JobResult.FAILED, UnitActiveState.FAILED, true);
        assertEquals(PromoterState.BACKOFF, h.state());
        assertEquals(List.of("reset-failed " + Harness.TARGET, "start " + Harness.TARGET, "stop " + Harness.TARGET), h.described());
        h.stopDone();
        assertEquals(1, h.promoter.status(h.clock.millis()).failures());
        h.advance(Duration.ofMillis(9_999));
        assertEquals(1, h.count(Command.Start.class));
        h.advance(Duration.ofMillis(1));
        assertEquals(2, h.count(Command.Start.class), "first retry after 10 s (<= 20 s)");
    }

    @Test
    void handle_dependencyWithConditionTrue_isRealFailure() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        h.job(JobResult.DEPENDENCY, UnitActiveState.INACTIVE, true);
        assertEquals(PromoterState.BACKOFF, h.state());
    }

    @Test
    void handle_repeatedFailures_backoffDoublesAndGivesUpAtMaxFailures() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        long[] startTimes = new long[5];
        for (int i = 0; i < 5; i++) {
            while (h.count(Command.Start.class) <= i) {
                h.advance(Duration.ofMillis(500));
            }
            startTimes[i] = h.clock.millis();
            h.job(JobResult.FAILED, UnitActiveState.FAILED, true);
            h.stopDone();
        }
        assertEquals(PromoterState.FAILED, h.state());
        assertEquals(10_000, startTimes[1] - startTimes[0], 250);
        assertEquals(20_000, startTimes[2] - startTimes[1], 250);
        assertEquals(40_000, startTimes[3] - startTimes[2], 250);
        h.advance(Duration.ofHours(2));
        assertEquals(5, h.count(Command.Start.class), "no start after giving up");
        assertTrue(h.journal.stream().anyMatch(e -> e.to() == PromoterState.FAILED && e.severity() == Severity.ERROR));
    }

    @Test
    void backoff_isCapped() {
        assertEquals(Duration.ofSeconds(10), FailureWindow.backoff(1, Duration.ofSeconds(10), Duration.ofMinutes(5)));
        assertEquals(Duration.ofSeconds(160), FailureWindow.backoff(5, Duration.ofSeconds(10), Duration.ofMinutes(5)));
        assertEquals(Duration.ofMinutes(5), FailureWindow.backoff(40, Duration.ofSeconds(10), Duration.ofMinutes(5)));
    }

    @Test
    void handle_failuresOutsideWindow_doNotCount() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        h.job(JobResult.FAILED, UnitActiveState.FAILED, true);
        h.stopDone();
        h.view(Views.peerPrimary()); // a peer took over: no retry here
        assertEquals(1, h.promoter.status(h.clock.millis()).failures());
        h.advance(Duration.ofMinutes(11));
        assertEquals(0, h.promoter.status(h.clock.millis()).failures());
    }

    @Test
    void handle_timerAfterMayPromoteNo_neverStarts() {
        Harness h = new Harness();
        h.dump(Views.of().build(), UnitActiveState.INACTIVE);
        h.view(Views.of().mayPromote(true).disk(DiskState.CONSISTENT).build());
        TimerId id = h.timers.keySet().iterator().next();
        h.view(Views.of().build());
        h.send(new Input.TimerFired(id)); // a late (stale) firing
        assertEquals(0, h.count(Command.Start.class));
    }

    @Test
    void adopt_primaryWithInactiveTargetAndQuorum_startsTarget() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.INACTIVE);
        assertEquals(List.of("reset-failed " + Harness.TARGET, "start " + Harness.TARGET), h.described());
        assertTrue(h.journal.stream().anyMatch(e -> e.to() == PromoterState.PENDING
                && e.reason().startsWith("adopted Primary with inactive target: starting it")));
        h.startDone();
        assertEquals(PromoterState.ACTIVE, h.state());
        h.advance(Duration.ofMinutes(1));
        assertEquals(1, h.count(Command.Start.class));
        assertEquals(0, h.count(Command.Stop.class));
    }

    @Test
    void adopt_primaryWithInactiveTargetWithoutQuorum_neverStarts() {
        Harness h = new Harness();
        h.dump(Views.of().role(Role.PRIMARY).quorum(false).build(), UnitActiveState.INACTIVE);
        h.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), h.actions);
        assertEquals(PromoterState.IDLE, h.state());
    }

    @Test
    void adopt_primaryWithInactiveTargetBeforeDump_decidesNothing() {
        Harness h = new Harness();
        h.view(Views.primary());
        h.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), h.actions);
    }

    @Test
    void adopt_primaryWithInactiveTargetAndBetterPlacedPeer_startsThenReleases() {
        Harness h = new Harness(with(1.0, List.of("bravo", "alpha"), false, QuorumLossPolicy.SHUTDOWN));
        h.dump(Views.primary(), UnitActiveState.INACTIVE);
        assertTrue(h.journal.stream().anyMatch(e -> e.reason().contains("then failing back to bravo")), h.journal.toString());
        h.startDone();
        assertEquals(List.of("reset-failed " + Harness.TARGET, "start " + Harness.TARGET, "stop " + Harness.TARGET), h.described());
        assertEquals(PromoterState.STOPPING, h.state(), "released to the more preferred peer (demotes through the target)");
    }

    @Test
    void handle_forceIoFailures_neverStarts() {
        Harness h = new Harness();
        h.dump(Views.of().mayPromote(true).forceIo(true).build(), UnitActiveState.INACTIVE);
        h.advance(Duration.ofMinutes(1));
        assertEquals(0, h.count(Command.Start.class));
    }

    @Test
    void handle_repeatedReleases_dampPromoteSleep() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE).startDone();
        long[] sleeps = new long[3];
        for (int i = 0; i < 3; i++) {
            h.view(Views.primary());
            h.view(Views.of().role(Role.PRIMARY).quorum(false).peerLost("bravo").peerLost("charlie").build());
            h.stopDone();
            h.view(Views.of().build());
            long t0 = h.clock.millis();
            h.view(Views.promotable());
            while (h.state() == PromoterState.PENDING) {
                h.advance(Duration.ofMillis(100));
            }
            sleeps[i] = h.clock.millis() - t0;
            h.startDone();
        }
        assertEquals(0, sleeps[0]);
        assertEquals(2000, sleeps[1], 100);
        assertEquals(4000, sleeps[2], 100);
    }
}
