package io.reactord.events2;

/**
 * One string instance per name: a small cache from the UTF-8 bytes of a name (resource or connection) to
 * its exact decoding ({@link Text#exact}), so the lines of a stream that name the same resource share one
 * string (no copy per line, its hash computed once, and map lookups compare by identity first). Bounded;
 * a slot is overwritten on collision. Safe to share between threads: entries are immutable and a reader
 * sees either an entry or none.
 */
final class Names {
    private static final int SLOTS = 4096;
    private static final int MAX_LENGTH = 128;
    private static final Entry[] CACHE = new Entry[SLOTS];

    private record Entry(byte[] bytes, String name) {}

    private Names() {}

    /** {@code c[from, to)} decoded when it is valid UTF-8 (the cached instance when there is one), else null. */
    static String exact(byte[] c, int from, int to) {
        int len = to - from;
        if (len > MAX_LENGTH) {
            return Text.exact(c, from, to);
        }
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + c[i];
        }
        int slot = (h ^ (h >>> 12)) & (SLOTS - 1);
        Entry e = CACHE[slot];
        if (e != null && e.bytes.length == len && matches(e.bytes, c, from)) {
            return e.name;
        }
        String s = Text.exact(c, from, to);
        if (s != null) {
            CACHE[slot] = new Entry(java.util.Arrays.copyOfRange(c, from, to), s);
        }
        return s;
    }

    /** Like {@link #exact}, but invalid UTF-8 is decoded with U+FFFD ({@link Text#of}) instead of null. */
    static String lenient(byte[] c, int from, int to) {
        String s = exact(c, from, to);
        return s != null ? s : Text.of(c, from, to);
    }

    private static boolean matches(byte[] w, byte[] c, int from) {
        for (int j = 0; j < w.length; j++) {
            if (w[j] != c[from + j]) {
                return false;
            }
        }
        return true;
    }
}
