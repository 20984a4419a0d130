package io.reactord.agent.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.agent.control.journal.JournalReader;
import io.reactord.agent.control.journal.JournalRecord;
import io.reactord.agent.promoter.JournalEntry;
import io.reactord.agent.promoter.PromoterState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JournalFileTest {
    @TempDir
    Path dir;

    private static JournalEntry entry(String res, int i) {
        return new JournalEntry(i, res, PromoterState.IDLE, PromoterState.PENDING, "events2 change", "may_promote yes",
                "promotable " + i, List.of("start drbd-services@" + res + ".target"), io.reactord.agent.promoter.Severity.INFO);
    }

    @Test
    void append_manyEntries_staysBoundedAndKeepsNewest() throws IOException {
        try (JournalFile j = new JournalFile(dir, 2048)) {
            for (int i = 0; i < 100; i++) {
                j.append(entry(i % 2 == 0 ? "r0" : "r1", i));
            }
        }
        long total = Files.size(dir.resolve("journal.jsonl")) + Files.size(dir.resolve("journal.jsonl.1"));
        assertTrue(total <= 2 * 2048, "ring too large: " + total);
        List<JournalRecord> r0 = JournalReader.read(dir, "r0", null, 0);
        assertEquals("promotable 98", r0.get(r0.size() - 1).reason());
        assertTrue(r0.stream().allMatch(r -> r.resource().equals("r0")));
    }

    @Test
    void read_sinceAndLimit_filter() throws IOException {
        try (JournalFile j = new JournalFile(dir, 1 << 20)) {
            j.append(entry("r0", 1));
            j.append(entry("r0", 2));
        }
        assertEquals(1, JournalReader.read(dir, null, null, 1).size());
        assertEquals(0, JournalReader.read(dir, null, Instant.now().plusSeconds(60), 0).size());
        assertEquals(2, JournalReader.read(dir, "r0", Instant.now().minusSeconds(60), 0).size());
    }

    @Test
    void read_corruptLinesAndNoFiles_skipped() throws IOException {
        assertEquals(List.of(), JournalReader.read(dir, null, null, 0));
        Files.writeString(dir.resolve("journal.jsonl"), "garbage\n{\"resource\":\"r0\",\"from\":\"IDLE\",\"to\":\"IDLE\"}\n");
        assertEquals(1, JournalReader.read(dir, "r0", null, 0).size());
    }
}
