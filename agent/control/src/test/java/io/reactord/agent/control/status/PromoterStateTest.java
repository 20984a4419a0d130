package io.reactord.agent.control.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed promoter part of the status model: what the text reads, and the members kept for the JSON report. */
final class PromoterStateTest {
    @Test
    void of_daemonMembers_typedFieldsAndMembersInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "r0");
        m.put("state", "STARTING");
        m.put("reason", "promotable");
        m.put("next_action_in_ms", 2500);
        m.put("failures", 1);
        m.put("max_failures", 5L);
        m.put("move_to", "bravo");
        m.put("future_member", Map.of("x", 1));
        m.put("journal", List.of(Map.of("action", "start")));
        StatusModel.Promoter p = StatusModel.Promoter.of(m);
        assertEquals(new StatusModel.Promoter("STARTING", "promotable", 2500L, 1L, 5L, "bravo", List.of(Map.of("action", "start")), m), p);
        assertEquals(List.copyOf(m.keySet()), List.copyOf(p.members().keySet()));
        assertEquals("STARTING (promotable), next action in 2.5 s, failures 1/5, moving to bravo", StatusText.promoterLine(p));
    }

    @Test
    void of_sparseAnswer_unknownStateAndNothingElse() {
        StatusModel.Promoter p = StatusModel.Promoter.of(Map.of("next_action_in_ms", -1));
        assertEquals("?", p.state());
        assertNull(p.failures());
        assertEquals(List.of(), p.journal());
        assertEquals("?", StatusText.promoterLine(p));
    }
}
