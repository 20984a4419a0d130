package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactord.agent.promoter.Promoter;
import io.reactord.agent.promoter.PromoterState;
import io.reactord.agent.promoter.ResourceView;
import io.reactord.agent.promoter.UnitActiveState;
import io.reactord.events2.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code why} sentence, built from the promoter's typed status. */
class WhyTest {
    @Test
    void secondaryWithFailuresAndAPrimaryPeer() {
        ResourceView v = new ResourceView("r0", Role.SECONDARY, true, 10103, Set.of(), false, List.of(), List.of());
        Promoter.Status s = new Promoter.Status("r0", PromoterState.PENDING, 1200, "waiting for the best score", v,
                UnitActiveState.INACTIVE, 2, 3, 1500, null, true);
        assertEquals("r0 will be started here unless a peer wins first (PENDING: waiting for the best score); active on"
                + " beta; 2/3 failures in the window; next attempt in 2 s. DRBD: role secondary, may_promote yes, quorum no.",
                Why.answer(s, "beta"));
    }

    @Test
    void noViewNoActiveNodeNoFailures() {
        Promoter.Status s = new Promoter.Status("r1", PromoterState.ACTIVE, 0, "target active", null,
                UnitActiveState.ACTIVE, 0, 3, -1, null, true);
        assertEquals("r1 is running here (ACTIVE: target active). DRBD state unknown.", Why.answer(s, null));
    }
}
