package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BytesTest {
    @Test
    void firstMarked_isTheLowestMarkedByte_whateverIsMarkedAbove() {
        for (int k = 0; k < 8; k++) {
            for (int above = 0; above < 1 << (7 - k); above++) {
                long t = 0x80L << (8 * k);
                for (int j = 0; j < 7 - k; j++) {
                    if ((above >> j & 1) != 0) {
                        t |= 0x80L << (8 * (k + 1 + j));
                    }
                }
                assertEquals(k, Bytes.firstMarked(t), Long.toHexString(t));
                assertEquals(Long.numberOfTrailingZeros(t) >>> 3, Bytes.firstMarked(t));
            }
        }
    }

    @Test
    void indexOf_findsTheFirstAtEveryPlace_andNoneOutsideTheRegion() {
        byte[] b = "abcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);
        for (int from = 0; from < b.length; from++) {
            for (int to = from; to <= b.length; to++) {
                for (int at = 0; at < b.length; at++) {
                    int expected = at >= from && at < to ? at : -1;
                    assertEquals(expected, Bytes.indexOf(b, from, to, b[at]), from + " " + to + " " + at);
                }
            }
        }
        byte[] twice = "xx\nyy\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(2, Bytes.indexOf(twice, 0, twice.length, (byte) '\n'));
        assertEquals(5, Bytes.indexOf(twice, 3, twice.length, (byte) '\n'));
    }
}
