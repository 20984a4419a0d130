package io.reactord.agent.promoter;

import io.reactord.events2.DiskState;
import io.reactord.events2.Role;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A move seen from each node: the one that runs the resource, the target (alpha itself), and a bystander. */
final class PromoterMoveTest {

    private static String moveTo(Harness h) {
        return h.promoter.status(h.clock.millis()).moveTo();
    }

    @Test
    void move_activeHereTargetReady_stopsAndHoldsBack() {
        Harness h = new Harness();
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        h.send(new Input.Move("bravo", Duration.ofMinutes(2)));
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
        h.stopDone();
        h.clearActions();
        h.view(Views.promotable());
        h.advance(Duration.ofMinutes(1));
        assertEquals(0, h.count(Command.Start.class), "bravo is connected and UpToDate: alpha holds back");
        assertEquals(PromoterState.IDLE, h.state());
    }

    @Test
    void move_targetNotUpToDate_staysActiveUntilItIs() {
        Harness h = new Harness();
        h.dump(Views.of().role(Role.PRIMARY).peerDisk("bravo", DiskState.INCONSISTENT).build(), UnitActiveState.ACTIVE);
        h.send(new Input.Move("bravo", Duration.ofMinutes(2)));
        assertEquals(List.of(), h.described(), "bravo is still syncing");
        h.view(Views.primary());
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
    }

    @Test
    void move_bystander_holdsBackWhileTargetReadyThenLandsAndForgets() {
        Harness h = new Harness();
        h.dump(Views.peerPrimary(), UnitActiveState.INACTIVE);
        h.send(new Input.Move("charlie", Duration.ofMinutes(5)));
        h.view(Views.promotable()); // bravo released
        h.advance(Duration.ofSeconds(30));
        assertEquals(0, h.count(Command.Start.class));
        h.view(Views.of().peerRole("charlie", Role.PRIMARY).build());
        assertNull(moveTo(h), "landed: the move is dropped at once");
        // charlie is evicted later: alpha takes over without waiting for the move's expiry
        h.view(Views.promotable());
        h.advance(Duration.ofSeconds(3));
        assertEquals(1, h.count(Command.Start.class));
    }

    @Test
    void move_targetLostConnection_bystanderTakesOver() {
        Harness h = new Harness();
        h.dump(Views.peerPrimary(), UnitActiveState.INACTIVE);
        h.send(new Input.Move("charlie", Duration.ofMinutes(5)));
        h.view(Views.of().mayPromote(true).peerLost("charlie").build());
        h.advance(Duration.ofSeconds(3));
        assertEquals(1, h.count(Command.Start.class), "charlie cannot take it: no holding back");
    }

    @Test
    void move_pendingBystander_cancelsItsStart() {
        Harness h = new Harness();
        h.dump(Views.of().build(), UnitActiveState.INACTIVE);
        h.view(Views.of().mayPromote(true).disk(DiskState.CONSISTENT).build()); // a 1 s promote sleep
        assertEquals(PromoterState.PENDING, h.state());
        h.send(new Input.Move("bravo", Duration.ofMinutes(1)));
        assertEquals(PromoterState.IDLE, h.state());
        h.advance(Duration.ofSeconds(30));
        assertEquals(0, h.count(Command.Start.class));
    }

    @Test
    void move_toThisNode_startsWithoutPreferredDelayAndEndsWhenActive() {
        Harness h = new Harness();
        h.dump(Views.peerPrimary(), UnitActiveState.INACTIVE);
        h.send(new Input.Move("alpha", Duration.ofMinutes(5)));
        h.view(Views.promotable());
        h.advance(Duration.ofMillis(100));
        assertEquals(1, h.count(Command.Start.class), "sleep 0: UpToDate and the move's target");
        h.startDone();
        h.view(Views.primary());
        assertEquals(PromoterState.ACTIVE, h.state());
        assertNull(moveTo(h));
    }

    @Test
    void move_expires_bystanderPromotes() {
        Harness h = new Harness();
        h.dump(Views.peerPrimary(), UnitActiveState.INACTIVE);
        h.send(new Input.Move("charlie", Duration.ofSeconds(20)));
        h.view(Views.promotable());
        h.advance(Duration.ofSeconds(19));
        assertEquals(0, h.count(Command.Start.class));
        h.advance(Duration.ofSeconds(2));
        h.advance(Duration.ofSeconds(3));
        assertEquals(1, h.count(Command.Start.class));
        assertNull(moveTo(h));
    }
}
