package io.reactord.agent.control.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Journal records to JSON and back: every field kept, absent fields left out, foreign objects refused. */
final class JournalRecordTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void toJsonFromJson_allFields_roundTrips() throws Exception {
        JournalRecord r = new JournalRecord("2026-11-25T04:00:00Z", "r 0:x\"y", "IDLE", "PENDING", "may_promote yes",
                "promotable", "sleeping 0 ms", List.of("start drbd-services@r.target", "journal"), "info");
        JsonNode line = JSON.readTree(JSON.writeValueAsString(r.toJson()));
        assertEquals(r, JournalRecord.fromJson(line));
    }

    @Test
    void toJson_nullFields_areLeftOut() {
        JournalRecord r = new JournalRecord(null, "r0", "IDLE", "IDLE", null, null, "note", null, null);
        JsonNode o = r.toJson();
        assertFalse(o.has("time") || o.has("input") || o.has("guard") || o.has("commands") || o.has("severity"));
        JournalRecord back = JournalRecord.fromJson(o);
        assertNull(back.commands());
        assertEquals("r0: IDLE (note)", back.line().substring(back.line().indexOf(' ') + 1));
    }

    @Test
    void fromJson_notARecord_isRefused() throws Exception {
        for (String bad : List.of("[1,2]", "\"text\"", "{}", "{\"resource\":\"r0\",\"from\":\"IDLE\"}", "null")) {
            JsonNode n = JSON.readTree(bad);
            assertThrows(IllegalArgumentException.class, () -> JournalRecord.fromJson(n), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> JournalRecord.fromJson(null));
    }
}
