package io.reactord.agent.promoter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.config.DiskDetachPolicy;
import io.reactord.config.PreferredNodesPolicy;
import io.reactord.config.QuorumLossPolicy;
import io.reactord.events2.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fail-back is edge-triggered and bounded; every release counts for damping (issue 14 item 1). */
final class PromoterFailBackTest {

    /** alpha, preferred-nodes = ["bravo", "alpha"], policy always, the default sleep factor. */
    private static PromoterSettings bravoFirst() {
        PromoterSettings s = Harness.settings();
        return new PromoterSettings(s.resource(), s.localNode(), s.target(), s.units(), s.runner(), 1.0, List.of("bravo", "alpha"),
                PreferredNodesPolicy.ALWAYS, QuorumLossPolicy.SHUTDOWN, DiskDetachPolicy.FAIL_OVER, false, s.fencingPromoteDelay(),
                false, s.maxFailures(), s.failureWindow(), s.backoffInitial(), s.backoffMax());
    }

    /**
     * Runs the cluster as alpha sees it for {@code d}: whenever the target is started or stopped, the job succeeds and
     * DRBD follows (Primary after a start, promotable Secondary after a stop); bravo stays UpToDate and never promotes.
     */
    private static void runWithSilentBravo(Harness h, Duration d) {
        long end = h.clock.millis() + d.toMillis();
        while (h.clock.millis() < end) {
            if (h.state() == PromoterState.STARTING) {
                h.startDone();
                h.view(Views.primary());
            } else if (h.state() == PromoterState.STOPPING) {
                h.stopDone();
                h.view(Views.promotable());
            }
            h.advance(Duration.ofMillis(100));
        }
    }

    @Test
    void handle_preferredPeerUpToDateButNeverPromoting_noPingPong() {
        Harness h = new Harness(bravoFirst());
        h.dump(Views.of().build(), UnitActiveState.INACTIVE);
        h.view(Views.promotable()); // bravo UpToDate all along, but its agent does not promote
        runWithSilentBravo(h, Duration.ofSeconds(60));
        assertEquals(1, h.count(Command.Start.class), "one start, no fail-back without a bravo edge: " + h.described());
        assertEquals(0, h.count(Command.Stop.class));
        assertEquals(PromoterState.ACTIVE, h.state());
    }

    @Test
    void handle_preferredPeerEdgeUnanswered_oneFailBackPerEdge() {
        Harness h = new Harness(bravoFirst());
        h.dump(Views.of().build(), UnitActiveState.INACTIVE);
        h.view(Views.promotable());
        runWithSilentBravo(h, Duration.ofSeconds(5));
        assertEquals(PromoterState.ACTIVE, h.state());
        for (int edge = 1; edge <= 3; edge++) {
            h.view(Views.of().role(Role.PRIMARY).peerLost("bravo").build()); // bravo goes away...
            h.view(Views.primary()); // ...and comes back UpToDate: an edge
            runWithSilentBravo(h, Duration.ofSeconds(120));
            assertEquals(edge, h.count(Command.Stop.class), "one fail-back per edge: " + h.described());
            assertEquals(edge + 1, h.count(Command.Start.class), "started again once bravo did not answer");
            assertEquals(PromoterState.ACTIVE, h.state());
        }
        assertTrue(h.journal.stream().anyMatch(e -> e.reason().contains("fail-back to bravo not answered")
                && e.severity() == Severity.WARN));
    }

    @Test
    void handle_failBackRelease_holdsBackUntilTimeout() {
        Harness h = new Harness(bravoFirst());
        h.dump(Views.of().role(Role.PRIMARY).peerLost("bravo").build(), UnitActiveState.ACTIVE);
        h.view(Views.primary());
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
        h.stopDone();
        h.view(Views.promotable());
        h.advance(PromoterSettings.DEFAULT_FAIL_BACK_TIMEOUT.minusMillis(100));
        assertEquals(0, h.count(Command.Start.class), "holding back for bravo");
        assertEquals(PromoterState.IDLE, h.state());
        h.advance(Duration.ofMillis(100));
        assertEquals(PromoterState.PENDING, h.state(), "bound over: promoting again (preferred index sleep)");
    }

    @Test
    void handle_failBackAnswered_peerPrimary_staysIdle() {
        Harness h = new Harness(bravoFirst());
        h.dump(Views.of().role(Role.PRIMARY).peerLost("bravo").build(), UnitActiveState.ACTIVE);
        h.view(Views.primary());
        h.stopDone();
        h.view(Views.promotable());
        h.advance(Duration.ofSeconds(2));
        h.view(Views.peerPrimary());
        h.advance(Duration.ofMinutes(5));
        assertEquals(0, h.count(Command.Start.class));
        assertEquals(PromoterState.IDLE, h.state());
        assertTrue(h.journal.stream().noneMatch(e -> e.reason().contains("not answered")));
    }

    @Test
    void handle_peerUpToDateAtAdoption_noFailBack() {
        Harness h = new Harness(bravoFirst());
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.view(Views.primary());
        h.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), h.actions, "an agent restart never causes a fail-back");
    }

    @Test
    void handle_peerEdgeWhileStarting_failsBackOnceActive() {
        Harness h = new Harness(bravoFirst());
        h.dump(Views.of().mayPromote(true).peerLost("bravo").build(), UnitActiveState.INACTIVE);
        h.advance(Duration.ofSeconds(1));
        assertEquals(PromoterState.STARTING, h.state());
        h.view(Views.of().mayPromote(true).build()); // bravo becomes UpToDate during the start
        h.startDone();
        h.view(Views.primary());
        assertEquals(1, h.count(Command.Stop.class), "the armed edge is not lost: " + h.described());
    }

    @Test
    void handle_preferredPeerEvictedAfterItsEdge_takeOverStays() {
        Harness h = new Harness(bravoFirst());
        h.dump(Views.of().peerLost("bravo").build(), UnitActiveState.INACTIVE);
        h.view(Views.of().peerRole("charlie", Role.PRIMARY).build()); // bravo's edge while charlie runs it: not ours
        h.view(Views.peerPrimary()); // bravo runs it, then is evicted: stays connected and UpToDate
        h.view(Views.promotable());
        runWithSilentBravo(h, Duration.ofSeconds(60));
        assertEquals(1, h.count(Command.Start.class));
        assertEquals(0, h.count(Command.Stop.class), "an evicted preferred node is not failed back to: " + h.described());
    }

    @Test
    void handle_voluntaryReleases_dampTheNextStart() {
        Harness h = new Harness(bravoFirst());
        h.dump(Views.of().build(), UnitActiveState.INACTIVE);
        h.view(Views.promotable());
        runWithSilentBravo(h, Duration.ofSeconds(5));
        long[] gaps = new long[3];
        for (int i = 0; i < 3; i++) {
            h.view(Views.of().role(Role.PRIMARY).peerLost("bravo").build());
            h.view(Views.primary());
            h.stopDone();
            h.view(Views.promotable());
            long t0 = h.clock.millis();
            while (h.state() != PromoterState.STARTING) {
                h.advance(Duration.ofMillis(100));
            }
            gaps[i] = h.clock.millis() - t0;
            h.startDone();
            h.view(Views.primary());
        }
        long base = PromoterSettings.DEFAULT_FAIL_BACK_TIMEOUT.toMillis() + 1000; // hold back, then preferred index 1
        assertEquals(base, gaps[0], 150, "first fail-back: no damping yet");
        assertEquals(base + 2000, gaps[1], 150);
        assertEquals(base + 4000, gaps[2], 150);
    }

    @Test
    void handle_evict_countsAsRelease() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.Evict(false, Duration.ofSeconds(1)));
        h.stopDone();
        h.view(Views.of().build());
        h.advance(Duration.ofSeconds(2));
        h.view(Views.promotable());
        h.startDone();
        h.view(Views.primary());
        h.send(new Input.Evict(false, Duration.ofSeconds(1)));
        h.stopDone();
        h.view(Views.of().build());
        h.advance(Duration.ofSeconds(2));
        long t0 = h.clock.millis();
        h.view(Views.promotable());
        assertEquals(PromoterState.PENDING, h.state(), "second eviction in the window damps the next start");
        while (h.state() == PromoterState.PENDING) {
            h.advance(Duration.ofMillis(100));
        }
        assertEquals(2000, h.clock.millis() - t0, 150);
    }
}
