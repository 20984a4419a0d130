package io.reactord.events2;

/**
 * The {@code key:value} tokens of a line: split at the first colon; a token without a colon continues
 * the previous value (names are printed unescaped and may contain spaces, EVENTS2.md §5).
 */
final class Pairs {
    final String[] keys;
    final String[] values;
    final int size;
    /** A keyless token that had no value before it to continue, or null. */
    final String keyless;

    private Pairs(String[] keys, String[] values, int size, String keyless) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        this.keyless = keyless;
    }

    static Pairs of(Tokens t, int from) {
        int n = Math.max(0, t.count - from);
        String[] k = new String[n];
        String[] v = new String[n];
        int size = 0;
        int valueStart = 0;
        int valueEnd = 0;
        for (int i = from; i < t.count; i++) {
            int c = t.colon(i);
            if (c < 0) {
                if (size == 0) {
                    return new Pairs(k, v, 0, t.get(i));
                }
                valueEnd = t.end[i]; // the value runs on to the end of this token, separators included
                continue;
            }
            if (size > 0) {
                v[size - 1] = Words.of(t.line, valueStart, valueEnd);
            }
            k[size] = Words.of(t.line, t.start[i], c);
            valueStart = c + 1;
            valueEnd = t.end[i];
            size++;
        }
        if (size > 0) {
            v[size - 1] = Words.of(t.line, valueStart, valueEnd);
        }
        return new Pairs(k, v, size, null);
    }

    /** The value of the first occurrence of a key, or null. */
    String get(String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }
}
