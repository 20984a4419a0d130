package io.reactord.events2;

/** Decimal numbers as events2 prints them, read from a region of a line without copying it. */
final class Numbers {
    private Numbers() {}

    /** {@code s[from, to)} as a decimal int ≥ 0 without sign or overflow, else null. */
    static Integer nonNegative(String s, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > 10) {
            return null;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        return n > Integer.MAX_VALUE ? null : (int) n;
    }

    /** {@code v} as a decimal int ≥ 0, else null (also for null). */
    static Integer nonNegative(String v) {
        return v == null ? null : nonNegative(v, 0, v.length());
    }

    /** {@code v} as a decimal int, possibly negative, else null. */
    static Integer integer(String v) {
        if (v != null && v.startsWith("-")) {
            Integer n = nonNegative(v, 1, v.length());
            return n == null ? null : -n;
        }
        return nonNegative(v);
    }
}
