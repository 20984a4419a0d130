package io.reactord.agent.replay;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private long firstMicros;
    private boolean stamped;
    private final byte[] lastDate = new byte[10];
    private long lastEpochDay = Long.MIN_VALUE;
    /**
     * The first 19 bytes of the last stamp read the fast way ({@code YYYY-MM-DDThh:mm:ss}, as two longs and
     * three bytes) and their local second since the epoch: lines of one second (most of a busy stream)
     * parse only their fraction and offset.
     */
    private long second0;
    private long second1;
    private int secondTail = -1;
    private long lastLocalSecond;

    /** Milliseconds since the first stamped line, or -1 for a line {@code c[from, to)} without a stamp. */
    long millisOf(byte[] c, int from, int to) {
        int sp = -1;
        // the 19 bytes of the last stamp's second were checked: no space among them, the search starts after
        for (int i = to - from > 19 && sameSecond(c, from) ? from + 19 : from; i < to; i++) {
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
        if (!stamped) {
            firstMicros = micros;
            stamped = true;
        }
        return Math.max(0, (micros - firstMicros) / 1000);
    }

    /** True when {@code c[from, from + 19)} is the date and time to the second of the last stamp read the fast way. */
    private boolean sameSecond(byte[] c, int from) {
        return secondTail >= 0 && (long) LONGS.get(c, from) == second0 && (long) LONGS.get(c, from + 8) == second1
                && ((c[from + 16] & 0xff) | (c[from + 17] & 0xff) << 8 | (c[from + 18] & 0xff) << 16) == secondTail;
    }

    /** Epoch microseconds of {@code YYYY-MM-DDThh:mm:ss[.f{1,9}](Z|±hh:mm)} in {@code c[from, to)}, else MIN_VALUE. */
    private long fast(byte[] c, int from, int to) {
        long w0 = (long) LONGS.get(c, from);
        long w1 = (long) LONGS.get(c, from + 8);
        int tail = (c[from + 16] & 0xff) | (c[from + 17] & 0xff) << 8 | (c[from + 18] & 0xff) << 16;
        long local;
        if (tail == secondTail && w0 == second0 && w1 == second1) {
            local = lastLocalSecond; // the same 19 bytes as the last stamp: already checked and read
        } else {
            local = localSecond(c, from);
            if (local == Long.MIN_VALUE) {
                return Long.MIN_VALUE;
            }
            second0 = w0;
            second1 = w1;
            secondTail = tail;
            lastLocalSecond = local;
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
        return (local - offset) * 1_000_000L + frac;
    }

    /** Seconds since the epoch of {@code YYYY-MM-DDThh:mm:ss} at {@code c[from, from + 19)} read as UTC, else MIN_VALUE. */
    private long localSecond(byte[] c, int from) {
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
        return day * 86_400L + h * 3600L + m * 60L + s;
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
