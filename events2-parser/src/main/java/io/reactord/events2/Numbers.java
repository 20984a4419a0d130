package io.reactord.events2;

/** Decimal numbers as events2 prints them, read from a region of a line without copying it. */
final class Numbers {
    private Numbers() {}

    /** {@code c[from, to)} (ISO-8859-1 bytes) as a decimal int ≥ 0 without sign or overflow, else null. */
    static Integer nonNegative(byte[] c, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > 10) {
            return null;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            byte d = c[i];
            if (d < '0' || d > '9') {
                return null;
            }
            n = n * 10 + (d - '0');
        }
        return n > Integer.MAX_VALUE ? null : (int) n;
    }

    /** {@link #nonNegative} without a box: the number, or -1 when it is not one. */
    static int parse(byte[] c, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > 10) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            byte d = c[i];
            if (d < '0' || d > '9') {
                return -1;
            }
            n = n * 10 + (d - '0');
        }
        return n > Integer.MAX_VALUE ? -1 : (int) n;
    }

    /** {@code c[from, to)} as a decimal int, possibly negative, else null. */
    static Integer integer(byte[] c, int from, int to) {
        if (from < to && c[from] == '-') {
            Integer n = nonNegative(c, from + 1, to);
            return n == null ? null : -n;
        }
        return nonNegative(c, from, to);
    }
}
