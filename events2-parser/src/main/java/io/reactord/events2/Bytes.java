package io.reactord.events2;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte searches that read eight bytes at a time (the common case: a line without the byte sought). */
final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {}

    /** Index of the first {@code target} in {@code b[from, to)}, or -1. */
    static int indexOf(byte[] b, int from, int to, byte target) {
        long pattern = (target & 0xffL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(b, i) ^ pattern;
            long t = (w - ONES) & ~w & HIGHS; // the lowest set bit marks the first zero byte exactly
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == target) {
                return i;
            }
        }
        return -1;
    }
}
