package io.reactord.agent.promoter;

import io.reactord.events2.DiskState;
import io.reactord.events2.Role;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adoption, stream loss, exit, operator requests, reload and the transition table. */
final class PromoterLifecycleTest {

    private static PromoterSettings stopOnExit(boolean b) {
        PromoterSettings s = Harness.settings();
        return new PromoterSettings(s.resource(), s.localNode(), s.target(), s.units(), s.runner(), s.sleepBeforePromoteFactor(),
                s.preferredNodes(), s.preferredNodesPolicy(), s.onQuorumLoss(), s.onDiskDetach(), false, s.fencingPromoteDelay(), b,
                s.maxFailures(), s.failureWindow(), s.backoffInitial(), s.backoffMax());
    }

    @Test
    void adopt_primaryWithActiveTarget_zeroActions() {
        Harness h = new Harness();
        h.view(Views.primary());
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.advance(Duration.ofMinutes(30));
        assertEquals(List.of(), h.actions);
        assertEquals(PromoterState.ACTIVE, h.state());
        assertTrue(h.journal.stream().anyMatch(e -> e.reason().startsWith("adopted")));
    }

    @Test
    void adopt_secondaryPeerPrimary_zeroActions() {
        Harness h = new Harness();
        h.dump(Views.peerPrimary(), UnitActiveState.INACTIVE);
        h.advance(Duration.ofMinutes(30));
        assertEquals(List.of(), h.actions);
        assertEquals(PromoterState.IDLE, h.state());
    }

    @Test
    void adopt_targetUpOnSecondary_stopsIt() {
        Harness h = new Harness();
        h.dump(Views.peerPrimary(), UnitActiveState.ACTIVE);
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
    }

    @Test
    void adopt_primaryWithoutQuorum_stops() {
        Harness h = new Harness();
        h.dump(Views.of().role(Role.PRIMARY).quorum(false).build(), UnitActiveState.ACTIVE);
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
    }

    @Test
    void streamRestart_nothingChanged_zeroActions() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.StreamLost("drbdsetup exited"));
        h.view(Views.of().role(Role.PRIMARY).quorum(false).build()); // partial view while re-reading: ignored
        h.view(Views.primary());
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), h.actions);
        assertEquals(PromoterState.ACTIVE, h.state());
    }

    @Test
    void streamRestart_quorumLostMeanwhile_stops() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.StreamLost("drbdsetup exited"));
        h.dump(Views.of().role(Role.PRIMARY).quorum(false).build(), UnitActiveState.ACTIVE);
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
    }

    @Test
    void streamLost_whilePending_cancelsStart() {
        Harness h = new Harness();
        h.dump(Views.of().build(), UnitActiveState.INACTIVE);
        h.view(Views.of().mayPromote(true).disk(DiskState.CONSISTENT).build());
        h.send(new Input.StreamLost("garbage"));
        h.advance(Duration.ofMinutes(1));
        assertEquals(0, h.count(Command.Start.class));
    }

    @Test
    void shutdown_withoutStopServicesOnExit_leavesTargetRunning() {
        Harness h = new Harness(stopOnExit(false));
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.Shutdown("SIGTERM"));
        assertEquals(List.of(), h.actions);
        assertEquals(PromoterState.SHUT_DOWN, h.state());
    }

    @Test
    void shutdown_withStopServicesOnExit_stopsTarget() {
        Harness h = new Harness(stopOnExit(true));
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.Shutdown("SIGTERM"));
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
    }

    @Test
    void shutdown_whilePending_cancelsTimer() {
        Harness h = new Harness();
        h.dump(Views.of().mayPromote(true).disk(DiskState.INCONSISTENT).build(), UnitActiveState.INACTIVE);
        h.send(new Input.Shutdown("SIGTERM"));
        h.advance(Duration.ofMinutes(1));
        assertEquals(0, h.count(Command.Start.class));
    }

    @Test
    void disableNow_stopsAndStaysHandsOffUntilEnable() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.Disable(true));
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
        h.stopDone();
        h.view(Views.promotable());
        h.advance(Duration.ofMinutes(1));
        assertEquals(0, h.count(Command.Start.class));
        h.send(new Input.Enable());
        h.clock.runDue();
        assertEquals(1, h.count(Command.Start.class));
    }

    @Test
    void disable_withoutNow_ignoresQuorumLoss() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.Disable(false));
        h.view(Views.of().role(Role.PRIMARY).quorum(false).build());
        assertEquals(List.of(), h.actions);
        h.view(Views.primary());
        h.send(new Input.Enable());
        assertEquals(PromoterState.ACTIVE, h.state());
    }

    @Test
    void enable_afterGivingUp_resetsFailures() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        for (int i = 0; i < 5; i++) {
            while (h.count(Command.Start.class) <= i) {
                h.advance(Duration.ofSeconds(1));
            }
            h.job(JobResult.FAILED, UnitActiveState.FAILED, true);
            h.stopDone();
        }
        assertEquals(PromoterState.FAILED, h.state());
        h.send(new Input.Enable());
        h.clock.runDue();
        assertEquals(6, h.count(Command.Start.class));
        assertEquals(0, h.promoter.status(h.clock.millis()).failures());
    }

    @Test
    void enable_inBackoff_clearsCountsAndRetriesNow() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        h.job(JobResult.FAILED, UnitActiveState.FAILED, true);
        h.stopDone();
        assertEquals(PromoterState.BACKOFF, h.state());
        h.send(new Input.Enable());
        h.clock.runDue();
        assertEquals(2, h.count(Command.Start.class), "no waiting for the backoff");
        assertEquals(0, h.promoter.status(h.clock.millis()).failures());
    }

    @Test
    void enable_whileActiveWithFailures_clearsCounts() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.UnitStateChanged("x.service", UnitActiveState.FAILED));
        h.startDone();
        assertEquals(1, h.promoter.status(h.clock.millis()).failures());
        h.send(new Input.Enable());
        assertEquals(0, h.promoter.status(h.clock.millis()).failures());
        assertEquals(PromoterState.ACTIVE, h.state());
    }

    @Test
    void evict_stopsAndReturnsWhenPeerTakesOver() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.Evict(false, Duration.ofSeconds(60)));
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
        h.stopDone();
        h.view(Views.promotable());
        h.advance(Duration.ofSeconds(30));
        assertEquals(0, h.count(Command.Start.class), "no start while evicted");
        h.view(Views.peerPrimary());
        assertEquals(PromoterState.IDLE, h.state());
    }

    @Test
    void evictKeepMasked_staysUntilEnable() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.Evict(true, null));
        h.stopDone();
        h.view(Views.peerPrimary());
        h.advance(Duration.ofHours(1));
        assertEquals(PromoterState.EVICTED, h.state());
        h.send(new Input.Enable());
        assertEquals(PromoterState.IDLE, h.state());
    }

    @Test
    void configChanged_unitsChangedWhileActive_restartsTargetOnly() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.ConfigChanged(Harness.settings()));
        assertEquals(List.of(), h.actions, "unchanged settings: untouched");
        PromoterSettings s = Harness.settings();
        h.send(new Input.ConfigChanged(PromoterSettings.defaults(s.resource(), s.localNode(), s.target(), List.of("y.service"))));
        assertEquals(List.of("reset-failed " + Harness.TARGET, "start " + Harness.TARGET), h.described());
        assertEquals(0, h.count(Command.Stop.class));
    }

    @Test
    void journal_everyTransition_hasInputGuardAndCommands() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE).startDone();
        List<JournalEntry> j = h.journal;
        assertEquals(List.of(PromoterState.UNKNOWN, PromoterState.IDLE, PromoterState.PENDING, PromoterState.STARTING),
                j.stream().map(JournalEntry::from).collect(java.util.stream.Collectors.toList()));
        JournalEntry start = j.get(2);
        assertEquals(PromoterState.STARTING, start.to());
        assertEquals(List.of("reset-failed " + Harness.TARGET, "start " + Harness.TARGET, "timer start-watch in 30 s"),
                start.commands());
        assertFalse(start.guard().isEmpty());
        assertFalse(start.input().isEmpty());
    }

    @Test
    void adopt_refusedResource_handsOffWithError() {
        Harness h = new Harness(Harness.settings().withRefused("DRBD quorum is off and fencing is dont-care"));
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        h.send(new Input.Evict(false, null));
        h.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), h.actions);
        assertEquals(PromoterState.REFUSED, h.state());
        assertTrue(h.journal.stream().anyMatch(e -> e.to() == PromoterState.REFUSED && e.severity() == Severity.ERROR
                && e.reason().contains("quorum is off")));
        h.send(new Input.ConfigChanged(Harness.settings()));
        assertEquals(PromoterState.STARTING, h.state(), "managed again after a reload that fixes it");
    }

    @Test
    void reload_refusedWhileActive_handsOffWithoutStopping() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.ConfigChanged(Harness.settings().withRefused("quorum off")));
        assertEquals(PromoterState.REFUSED, h.state());
        assertEquals(List.of(), h.actions);
    }

    @Test
    void enable_primaryWithTargetStoppedWhileDisabled_startsTarget() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.Disable(false));
        h.send(new Input.UnitStateChanged(Harness.TARGET, UnitActiveState.INACTIVE)); // stopped by hand, DRBD still Primary
        assertEquals(List.of(), h.actions);
        h.send(new Input.Enable());
        assertEquals(List.of("reset-failed " + Harness.TARGET, "start " + Harness.TARGET), h.described(),
                "never left Primary with nothing running");
        assertTrue(h.journal.stream().anyMatch(e -> e.reason().startsWith("enabled: Primary with inactive target")));
    }

    @Test
    void transitionTable_rejectsIllegalMoves() {
        assertTrue(PromoterState.IDLE.canGo(PromoterState.PENDING));
        assertFalse(PromoterState.IDLE.canGo(PromoterState.STARTING), "a start always goes through PENDING");
        assertFalse(PromoterState.UNKNOWN.canGo(PromoterState.STARTING), "nothing is started before the dump");
        assertTrue(PromoterState.SHUT_DOWN.next().isEmpty());
    }

    @Test
    void settings_invalidValues_rejected() {
        PromoterSettings s = Harness.settings();
        assertThrows(IllegalArgumentException.class, () -> new PromoterSettings(s.resource(), s.localNode(), s.target(), s.units(),
                s.runner(), -1, s.preferredNodes(), null, null, null, false, null, false, 5, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new PromoterSettings(s.resource(), s.localNode(), s.target(), s.units(),
                s.runner(), 1, s.preferredNodes(), null, null, null, false, null, false, 0, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new PromoterSettings(s.resource(), s.localNode(), s.target(), s.units(),
                s.runner(), 1, s.preferredNodes(), null, null, null, false, null, false, 5, null, Duration.ofSeconds(30), null));
    }
}
