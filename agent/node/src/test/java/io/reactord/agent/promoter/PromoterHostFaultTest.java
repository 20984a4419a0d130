package io.reactord.agent.promoter;

import io.reactord.events2.Role;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Host faults are not node faults: an unreachable systemd pauses and retries, never counts (issue 15). */
final class PromoterHostFaultTest {

    private static int failures(Harness h) {
        return h.promoter.status(h.clock.millis()).failures();
    }

    private static Harness unreachable(Harness h) {
        return h.job(JobResult.UNREACHABLE, UnitActiveState.UNKNOWN, null);
    }

    @Test
    void handle_startUnreachableForLong_neverCountsNorGivesUp() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        for (int i = 0; i < 40; i++) { // 40 x 10 s: far beyond max-failures and the old 150 s to FAILED
            unreachable(h);
            assertEquals(PromoterState.BACKOFF, h.state());
            assertEquals(0, failures(h));
            h.advance(PromoterSettings.DEFAULT_BACKOFF_INITIAL);
            assertEquals(PromoterState.STARTING, h.state(), "retried after " + PromoterSettings.DEFAULT_BACKOFF_INITIAL);
        }
        assertEquals(0, h.count(Command.Stop.class), "nothing to stop: nothing was started");
        h.startDone();
        assertEquals(PromoterState.ACTIVE, h.state(), "management resumes when systemd answers");
    }

    @Test
    void handle_managerReachable_retriesAtOnce() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        unreachable(h);
        h.send(new Input.ManagerReachable());
        assertEquals(PromoterState.STARTING, h.state());
        assertEquals(2, h.count(Command.Start.class));
        assertEquals(0, failures(h));
    }

    @Test
    void handle_realFailureStillCounts() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        h.job(JobResult.ERROR, UnitActiveState.UNKNOWN, null);
        assertEquals(1, failures(h));
    }

    @Test
    void handle_stopUnreachable_staysStoppingAndRetries() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.view(Views.of().role(Role.PRIMARY).quorum(false).build());
        assertEquals(1, h.count(Command.Stop.class));
        unreachable(h);
        assertEquals(PromoterState.STOPPING, h.state(), "the target may still run: not IDLE");
        h.advance(PromoterSettings.DEFAULT_BACKOFF_INITIAL);
        assertEquals(2, h.count(Command.Stop.class));
        unreachable(h);
        h.send(new Input.ManagerReachable());
        assertEquals(3, h.count(Command.Stop.class));
        h.stopDone();
        assertEquals(PromoterState.IDLE, h.state());
    }

    @Test
    void handle_failedAndNewMayPromoteEdgeAfterBackoffMax_oneFreshAttempt() {
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
        h.view(Views.peerPrimary());
        h.view(Views.promotable()); // an edge, but too soon
        assertEquals(PromoterState.FAILED, h.state());
        h.advance(PromoterSettings.DEFAULT_BACKOFF_MAX);
        h.view(Views.promotable()); // no edge: still promotable
        assertEquals(PromoterState.FAILED, h.state());
        h.view(Views.peerPrimary());
        h.view(Views.promotable());
        assertEquals(6, h.count(Command.Start.class), "one fresh attempt");
        h.job(JobResult.FAILED, UnitActiveState.FAILED, true);
        assertEquals(PromoterState.FAILED, h.state(), "failing again gives up again at once");
    }
}
