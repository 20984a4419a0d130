package io.reactord.agent.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

final class StampsTest {
    private static long millis(Stamps s, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return s.millisOf(b, 0, b.length);
    }

    /** What the JDK's parser says, relative to the first stamp: the reference the byte reader must match. */
    private static long reference(String first, String stamp) {
        try {
            OffsetDateTime a = OffsetDateTime.parse(first);
            OffsetDateTime b = OffsetDateTime.parse(stamp);
            long micros = (b.toEpochSecond() - a.toEpochSecond()) * 1_000_000L + (b.getNano() - a.getNano()) / 1000;
            return Math.max(0, micros / 1000);
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    private static final String FIRST = "2025-03-14T10:21:07.482913+01:00";

    /** A new reader's answers for {@code FIRST}, then each stamp on each of {@code bodies}, match the JDK's. */
    private static Stamps assertLikeTheJdk(List<String> stamps, String... bodies) {
        Stamps s = new Stamps();
        assertEquals(0, millis(s, FIRST + " change resource name:r0"));
        for (String t : stamps) {
            for (String body : bodies) {
                assertEquals(reference(FIRST, t), millis(s, t + body), t + body);
            }
        }
        return s;
    }

    @Test
    void millisOf_drbdsetupShapesAndOddOnes_sameAsOffsetDateTimeParse() {
        Stamps s = assertLikeTheJdk(List.of("2025-03-14T10:21:07.482913+01:00", "2025-03-14T10:21:08.5+01:00",
                "2025-03-14T09:21:09Z", "2025-03-14T10:21:09.123456789+01:00", "2025-03-15T00:00:00.000001-05:30",
                "2025-12-31T23:59:59.999999+18:00", "2024-02-29T12:00:00.1+00:00", "2025-02-29T12:00:00.1+00:00",
                "2025-03-14T24:00:00.0+01:00", "2025-03-14T10:21:07.+01:00", "2025-03-14T10:21:07.1234567890+01:00",
                "2025-03-14T10:21:07.1+19:00", "2025-03-14T10:21:07.1+01:00x", "2025-03-14T10:21", "2025-03-14 x",
                "2025-03-14T10:21:07.482913+01:00"), " change resource name:r0");
        assertEquals(-1, millis(s, "change resource name:r0 role:Primary"));
        assertEquals(-1, millis(s, " " + FIRST + " change resource name:r0"));
    }

    /** Lines of one second share the date and time; the fraction and offset are read each time, a bad stamp never kept. */
    @Test
    void millisOf_linesOfOneSecond_fractionAndOffsetReadEachTime_badOnesNeverRemembered() {
        assertLikeTheJdk(List.of("2025-03-14T10:21:07.5+01:00", "2025-03-14T10:21:07.500001+01:00",
                "2025-03-14T10:21:07Z", "2025-03-14T10:21:07.1-02:00", "2025-03-14T10:21:07.1+01:0x",
                "2025-03-14T10:21:07.+01:00", "2025-03-14T10:21:07.9+01:00", "2025-02-29T12:00:00.1+00:00",
                "2025-02-29T12:00:00.2+00:00", "2025-03-14T10:21:08.0+01:00", "2025-03-14T10:21:08.0+01:00",
                "2025-03-14T10:21:07.7+01:00", "2025-03-14T24:00:00.0+01:00", "2025-03-14T24:00:00.0+01:00",
                "2025-03-15T00:00:00.0+01:00", "2025-03-14T10:21:07.7+01:00"),
                " change device name:r0 volume:0", " change resource name:r0");
    }
}
