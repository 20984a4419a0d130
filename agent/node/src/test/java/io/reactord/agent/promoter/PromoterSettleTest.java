package io.reactord.agent.promoter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A start is judged after its units settle (issue 14 item 3). */
final class PromoterSettleTest {
    private static final String SERVICE = "x.service";

    private static Harness starting() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE);
        assertEquals(PromoterState.STARTING, h.state());
        return h;
    }

    private int failures(Harness h) {
        return h.promoter.status(h.clock.millis()).failures();
    }

    @Test
    void handle_unitFailsWhileStarting_startFailsWhenJobDone() {
        Harness h = starting();
        h.send(new Input.UnitStateChanged(SERVICE, UnitActiveState.FAILED));
        assertEquals(PromoterState.STARTING, h.state(), "judged when the job ends");
        h.startDone();
        assertEquals(PromoterState.BACKOFF, h.state());
        assertEquals(List.of("reset-failed " + Harness.TARGET, "start " + Harness.TARGET, "stop " + Harness.TARGET), h.described());
        assertEquals(1, failures(h));
    }

    @Test
    void handle_unitFailsAndRecoversWhileStarting_active() {
        Harness h = starting();
        h.send(new Input.UnitStateChanged(SERVICE, UnitActiveState.FAILED));
        h.send(new Input.UnitStateChanged(SERVICE, UnitActiveState.ACTIVATING)); // Restart=on-failure
        h.startDone();
        assertEquals(PromoterState.ACTIVE, h.state());
        assertEquals(0, failures(h));
    }

    @Test
    void handle_unitFailsWithinSettle_startFailureReleasesAndRetries() {
        Harness h = starting();
        h.startDone();
        h.view(Views.primary());
        h.advance(PromoterSettings.DEFAULT_START_SETTLE.minusSeconds(1));
        h.send(new Input.UnitStateChanged(SERVICE, UnitActiveState.FAILED));
        assertEquals(PromoterState.BACKOFF, h.state(), "never ACTIVE with a failed start unit");
        assertEquals("stop " + Harness.TARGET, h.described().get(h.described().size() - 1));
        assertEquals(1, failures(h));
        h.stopDone();
        h.view(Views.promotable());
        h.advance(PromoterSettings.DEFAULT_BACKOFF_INITIAL);
        assertEquals(2, h.count(Command.Start.class), "retried after the backoff");
    }

    @Test
    void handle_unitFailsAfterSettle_restartsInPlace() {
        Harness h = starting();
        h.startDone();
        h.view(Views.primary());
        h.advance(PromoterSettings.DEFAULT_START_SETTLE);
        h.clearActions();
        h.send(new Input.UnitStateChanged(SERVICE, UnitActiveState.FAILED));
        assertEquals(PromoterState.STARTING, h.state());
        assertEquals(List.of("reset-failed " + SERVICE, "reset-failed " + Harness.TARGET, "start " + Harness.TARGET), h.described());
    }

    @Test
    void handle_unitFailsRightAfterEveryStart_givesUpAtMaxFailures() {
        Harness h = starting();
        for (int i = 0; i < 10 && h.state() != PromoterState.FAILED; i++) {
            while (h.state() != PromoterState.STARTING) {
                h.advance(Duration.ofMillis(500));
            }
            h.startDone();
            h.view(Views.primary());
            h.advance(Duration.ofSeconds(2));
            h.send(new Input.UnitStateChanged(SERVICE, UnitActiveState.FAILED));
            h.stopDone();
            h.view(Views.promotable());
        }
        assertEquals(PromoterState.FAILED, h.state());
        assertEquals(5, h.count(Command.Start.class));
        h.advance(Duration.ofHours(1));
        assertEquals(5, h.count(Command.Start.class));
    }
}
