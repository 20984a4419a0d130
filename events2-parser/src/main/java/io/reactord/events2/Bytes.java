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
                return i + firstMarked(t);
            }
        }
        for (; i < to; i++) {
            if (b[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index (0 to 7) of the lowest byte whose high bit is set in {@code t}, which has no other bits than
     * byte high bits and at least one: {@code Long.numberOfTrailingZeros(t) >>> 3} without the call that the
     * C1 compiler (which {@code reactorctl} runs on) makes of it. The lowest bit, shifted to bit 0 of its byte,
     * multiplies a constant whose byte {@code 7 - k} is {@code k} into the top byte.
     */
    static int firstMarked(long t) {
        return (int) ((((t & -t) >>> 7) * 0x0001020304050607L) >>> 56);
    }
}
