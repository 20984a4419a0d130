package io.reactord.agent.control.journal;

import io.reactord.agent.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the journal ring of a state directory, oldest first; unreadable lines are skipped. */
public final class JournalReader {

    /** The current file of the ring; the rotated one adds {@code .1}. */
    public static final String NAME = "journal.jsonl";

    private JournalReader() {}

    /** The journal files in a state directory, oldest first. */
    public static Path[] files(Path dir) {
        return new Path[] {dir.resolve(NAME + ".1"), dir.resolve(NAME)};
    }

    /**
     * Records of {@code resource} (null: all) at or after {@code since} (null: all), at most the last
     * {@code limit} (0: no limit).
     */
    public static List<JournalRecord> read(Path stateDir, String resource, Instant since, int limit) throws IOException {
        List<JournalRecord> out = new ArrayList<>();
        for (Path f : files(stateDir)) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    JournalRecord rec;
                    try {
                        rec = JournalRecord.fromJson(Json.read(line));
                    } catch (IOException | IllegalArgumentException e) {
                        continue;
                    }
                    if (resource != null && !resource.equals(rec.resource())) {
                        continue;
                    }
                    if (since != null && rec.instant().isBefore(since)) {
                        continue;
                    }
                    out.add(rec);
                }
            } catch (NoSuchFileException e) {
                // no rotated file yet
            }
        }
        if (limit > 0 && out.size() > limit) {
            return new ArrayList<>(out.subList(out.size() - limit, out.size()));
        }
        return out;
    }
}
