package io.reactord.events2;

/**
 * The {@code key:value} tokens of a line, read in one pass: split at the first colon; a token without a
 * colon continues the previous value (names are printed unescaped and may contain spaces, EVENTS2.md §5).
 * Keys are canonical strings with a small int id each ({@link Keys}, found once here); values stay offsets
 * into the line until asked for. The pairs a record
 * does not consume are compacted in place ({@link #keep}) and handed over as the record's {@link Attrs}.
 */
final class Pairs {
    /** The line's bytes (UTF-8); values are decoded from them when read. */
    private final byte[] chars;
    private String[] keys;
    /** The id ({@link Keys}) of key i; one byte each, as every key id is below 128. */
    private final byte[] ids;
    /** {@code [start, end)} of value i at {@code 2i, 2i + 1}. */
    private int[] bounds;
    final int size;
    /** A keyless token that had no value before it to continue, or null. */
    final String keyless;
    /** Pairs kept so far by {@link #keep}. */
    private int kept;

    private Pairs(byte[] chars, String[] keys, byte[] ids, int[] bounds, int size, String keyless) {
        this.chars = chars;
        this.keys = keys;
        this.ids = ids;
        this.bounds = bounds;
        this.size = size;
        this.keyless = keyless;
    }

    /** Reads the pairs from the token after the cursor's current one to the end of the line. */
    static Pairs read(Cursor t) {
        byte[] chars = t.chars;
        int cap = 16;
        String[] k = new String[cap];
        byte[] ids = new byte[cap];
        int[] b = new int[2 * cap];
        int size = 0;
        while (t.next()) {
            int c = t.colon;
            if (c < 0) {
                if (size == 0) {
                    return new Pairs(chars, k, ids, b, 0, Text.of(chars, t.start, t.end));
                }
                b[2 * size - 1] = t.end; // the value runs on to the end of this token, separators included
                continue;
            }
            if (size == cap) {
                cap *= 2;
                k = java.util.Arrays.copyOf(k, cap);
                ids = java.util.Arrays.copyOf(ids, cap);
                b = java.util.Arrays.copyOf(b, 2 * cap);
            }
            int slot = Words.find(chars, t.start, c);
            if (slot < 0) {
                k[size] = Text.of(chars, t.start, c);
                ids[size] = Keys.OTHER;
            } else {
                k[size] = Words.at(slot);
                ids[size] = Words.keyIdAt(slot);
            }
            b[2 * size] = c + 1;
            b[2 * size + 1] = t.end;
            size++;
        }
        return new Pairs(chars, k, ids, b, size, null);
    }

    String key(int i) {
        return keys[i];
    }

    /** The id ({@link Keys}) of key i. */
    int id(int i) {
        return ids[i];
    }

    /** The value as printed (invalid UTF-8 replaced, {@link Text#of}). */
    String value(int i) {
        return Text.of(chars, bounds[2 * i], bounds[2 * i + 1]);
    }

    /** The value as printed when it is valid UTF-8, else null ({@link Names#exact}): for names. */
    String exactValue(int i) {
        return Names.exact(chars, bounds[2 * i], bounds[2 * i + 1]);
    }


    /**
     * Where a state value starts: after {@code old->} with {@code --diff}, the new value is what counts.
     * State values are short words, so looking inside the value costs less than a look at the whole line.
     */
    private int stateStart(int i) {
        int from = bounds[2 * i];
        int to = bounds[2 * i + 1];
        for (int j = from + 1; j < to; j++) {
            if (chars[j] == '>' && chars[j - 1] == '-') {
                return j + 1;
            }
        }
        return from;
    }

    /** The state value (new value of a {@code --diff} pair), canonical when it is a known word. */
    String state(int i) {
        return Words.of(chars, stateStart(i), bounds[2 * i + 1]);
    }

    /** The state value as a decimal int ≥ 0, or null. */
    Integer stateNumber(int i) {
        return Numbers.nonNegative(chars, stateStart(i), bounds[2 * i + 1]);
    }

    /** The value as printed as a decimal int ≥ 0, or null. */
    Integer number(int i) {
        return Numbers.nonNegative(chars, bounds[2 * i], bounds[2 * i + 1]);
    }

    /** The value as printed as a decimal int, possibly negative, or null. */
    Integer integer(int i) {
        return Numbers.integer(chars, bounds[2 * i], bounds[2 * i + 1]);
    }

    /** Index of the first occurrence of a key by its id ({@link Keys}), or -1. */
    int indexOfId(int id) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** The value of the first occurrence of a key (by id) as a decimal int ≥ 0, or null. */
    Integer numberOf(int id) {
        int i = indexOfId(id);
        return i < 0 ? null : number(i);
    }

    /** The value of the first occurrence of a key (by id), one shared instance per name, or null. */
    String nameOf(int id) {
        int i = indexOfId(id);
        return i < 0 ? null : Names.lenient(chars, bounds[2 * i], bounds[2 * i + 1]);
    }

    /** The value of the first occurrence of a key (by id) as printed, or null. */
    String getOf(int id) {
        int i = indexOfId(id);
        return i < 0 ? null : value(i);
    }






    /**
     * Keeps pair i (as printed) for the record's {@link #attrs}. Pairs are kept in ascending order and
     * moved down in place, so no lookup by key may follow the first call.
     */
    void keep(int i) {
        keepFrom(i, bounds[2 * i]);
    }

    /** Keeps pair i with only its state value (a state value that did not parse). */
    void keepState(int i) {
        keepFrom(i, stateStart(i));
    }

    private void keepFrom(int i, int valueStart) {
        keys[kept] = keys[i];
        ids[kept] = ids[i];
        bounds[2 * kept] = valueStart;
        bounds[2 * kept + 1] = bounds[2 * i + 1];
        kept++;
    }

    /** The kept pairs; this object is not used afterwards. */
    Attrs attrs() {
        Attrs a = Attrs.adopt(chars, keys, bounds, kept);
        keys = null;
        bounds = null;
        return a;
    }
}
