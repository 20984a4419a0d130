package io.reactord.agent.promoter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A hung start is warned about while it runs and fails at start-timeout (issue 15). */
final class PromoterStartTimeoutTest {

    private static long warnings(Harness h) {
        return h.journal.stream().filter(e -> e.severity() == Severity.WARN && e.reason().startsWith("start still running")).count();
    }

    @Test
    void handle_startHangs_warnsEvery30sAndFailsAtDefaultTimeout() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        h.advance(Duration.ofSeconds(30));
        assertEquals(1, warnings(h));
        h.advance(PromoterSettings.DEFAULT_START_TIMEOUT.minusSeconds(31));
        assertEquals(PromoterState.STARTING, h.state());
        h.advance(Duration.ofSeconds(1));
        assertEquals(PromoterState.BACKOFF, h.state());
        assertEquals(1, h.promoter.status(h.clock.millis()).failures());
        assertEquals("stop " + Harness.TARGET, h.described().get(h.described().size() - 1), "the stop replaces the hung start job");
        assertTrue(h.journal.stream().anyMatch(e -> e.reason().contains("start-timeout 5 min")));
    }

    @Test
    void handle_configuredStartTimeout_failsThen() {
        PromoterSettings s = Harness.settings().withTiming(null, null, Duration.ofSeconds(45));
        Harness h = new Harness(s);
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        h.advance(Duration.ofSeconds(44));
        assertEquals(PromoterState.STARTING, h.state());
        assertEquals(1, warnings(h));
        h.advance(Duration.ofSeconds(1));
        assertEquals(PromoterState.BACKOFF, h.state());
        h.send(new Input.JobFinished(1, JobResult.DONE, UnitActiveState.ACTIVE, true, null)); // the late start result
        assertEquals(PromoterState.BACKOFF, h.state(), "a superseded start result is stale");
    }

    @Test
    void handle_startDoneInTime_noWarningNoTimerLeft() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        h.advance(Duration.ofSeconds(5));
        h.startDone();
        assertTrue(h.timers.keySet().stream().noneMatch(t -> t.kind() == TimerId.Kind.START_WATCH), h.timers.toString());
        h.advance(Duration.ofMinutes(10));
        assertEquals(0, warnings(h));
        assertEquals(PromoterState.ACTIVE, h.state());
    }
}
