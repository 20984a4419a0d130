package io.reactord.agent.replay;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the {@code --timestamps} prefix of events2 lines as milliseconds since the first stamped line.
 * The shape {@code drbdsetup} prints ({@code 2025-03-14T10:21:07.482913+01:00}, also with {@code Z}) is
 * read from the bytes in place, the date's epoch day cached across lines; any other first token of 20 or
 * more characters goes through {@link OffsetDateTime#parse}, so both accept the same stamps.
 */
final class Stamps {
    private Long firstMicros;
    private final byte[] lastDate = new byte[10];
    private long lastEpochDay = Long.MIN_VALUE;

    /** Milliseconds since the first stamped line, or -1 for a line {@code c[from, to)} without a stamp. */
    long millisOf(byte[] c, int from, int to) {
        int sp = -1;
        for (int i = from; i < to; i++) {
            if (c[i] == ' ') {
                sp = i;
                break;
            }
        }
        if (sp - from < 20 || c[from] < '0' || c[from] > '9') {
            return -1;
        }
        long micros = fast(c, from, sp);
        if (micros == Long.MIN_VALUE) {
            try {
                OffsetDateTime ts = OffsetDateTime.parse(new String(c, from, sp - from, StandardCharsets.UTF_8));
                micros = ts.toEpochSecond() * 1_000_000L + ts.getNano() / 1000;
            } catch (DateTimeParseException e) {
                return -1;
            }
        }
        if (firstMicros == null) {
            firstMicros = micros;
        }
        return Math.max(0, (micros - firstMicros) / 1000);
    }

    /** Epoch microseconds of {@code YYYY-MM-DDThh:mm:ss[.f{1,9}](Z|±hh:mm)} in {@code c[from, to)}, else MIN_VALUE. */
    private long fast(byte[] c, int from, int to) {
        if (c[from + 4] != '-' || c[from + 7] != '-' || c[from + 10] != 'T' || c[from + 13] != ':'
                || c[from + 16] != ':') {
            return Long.MIN_VALUE;
        }
        long day = epochDay(c, from);
        int h = two(c, from + 11);
        int m = two(c, from + 14);
        int s = two(c, from + 17);
        if (day == Long.MIN_VALUE || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) {
            return Long.MIN_VALUE;
        }
        int i = from + 19;
        long frac = 0;
        if (i < to && c[i] == '.') {
            int digits = 0;
            i++;
            while (i < to && c[i] >= '0' && c[i] <= '9') {
                if (digits < 6) {
                    frac = frac * 10 + (c[i] - '0');
                }
                digits++;
                i++;
            }
            if (digits == 0 || digits > 9) {
                return Long.MIN_VALUE;
            }
            for (int d = digits; d < 6; d++) {
                frac *= 10;
            }
        }
        int offset;
        if (to - i == 1 && c[i] == 'Z') {
            offset = 0;
        } else if (to - i == 6 && (c[i] == '+' || c[i] == '-') && c[i + 3] == ':') {
            int oh = two(c, i + 1);
            int om = two(c, i + 4);
            if (oh < 0 || oh > 18 || om < 0 || om > 59 || oh == 18 && om != 0) {
                return Long.MIN_VALUE;
            }
            offset = (c[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return Long.MIN_VALUE;
        }
        long seconds = day * 86_400L + h * 3600L + m * 60L + s - offset;
        return seconds * 1_000_000L + frac;
    }

    private long epochDay(byte[] c, int from) {
        boolean same = lastEpochDay != Long.MIN_VALUE;
        for (int k = 0; same && k < 10; k++) {
            same = lastDate[k] == c[from + k];
        }
        if (same) {
            return lastEpochDay;
        }
        int y1 = two(c, from);
        int y2 = two(c, from + 2);
        int mo = two(c, from + 5);
        int d = two(c, from + 8);
        if (y1 < 0 || y2 < 0 || mo < 0 || d < 0) {
            return Long.MIN_VALUE;
        }
        try {
            lastEpochDay = LocalDate.of(y1 * 100 + y2, mo, d).toEpochDay();
        } catch (DateTimeException e) {
            lastEpochDay = Long.MIN_VALUE;
            return Long.MIN_VALUE;
        }
        System.arraycopy(c, from, lastDate, 0, 10);
        return lastEpochDay;
    }

    private static int two(byte[] c, int i) {
        int a = c[i] - '0';
        int b = c[i + 1] - '0';
        return a < 0 || a > 9 || b < 0 || b > 9 ? -1 : a * 10 + b;
    }
}
