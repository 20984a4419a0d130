package io.reactord.agent.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveOnTest {
    @Test
    void thisNodeWinsOverAPrimaryPeer() {
        ActiveOn a = ActiveOn.of(true, "alpha", List.of("beta"));
        assertEquals("alpha", a.node());
        assertEquals("this node", a.text());
    }

    @Test
    void otherwiseTheFirstPrimaryPeer() {
        ActiveOn a = ActiveOn.of(false, "alpha", List.of("beta", "gamma"));
        assertEquals("beta", a.node());
        assertEquals("node 'beta'", a.text());
    }

    @Test
    void otherwiseUnknown() {
        ActiveOn a = ActiveOn.of(false, "alpha", List.of());
        assertNull(a.node());
        assertEquals("<unknown>", a.text());
        assertEquals(a, ActiveOn.unknown());
    }
}
