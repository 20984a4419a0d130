package io.reactord.events2;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered list of {@code key:value} pairs as printed on a line: the statistics keys and
 * any key this version of the parser does not know. Values stay offsets into the line they came from
 * until read (most statistics are stored and replaced without ever being read), so parsing a line
 * copies none of them; a value kept across a merge from an older line is copied out once.
 */
public final class Attrs {
    public static final Attrs EMPTY = new Attrs(new String[0], null, new int[0], null, 0);

    private final String[] keys;
    /** The line's UTF-8 bytes the values are offsets into (null when every value is in {@code copied}). */
    private final byte[] src;
    /** {@code [start, end)} of value i in {@code src} at {@code 2i, 2i + 1}; start -1: the value is copied. */
    private final int[] bounds;
    /** The values not in {@code src} (where the start is -1), or null when there are none. */
    private final String[] copied;
    private final int size;

    private Attrs(String[] keys, byte[] src, int[] bounds, String[] copied, int size) {
        this.keys = keys;
        this.src = src;
        this.bounds = bounds;
        this.copied = copied;
        this.size = size;
    }

    /** Pairs whose values are regions of {@code line}; the arrays are not copied (callers hand them over). */
    static Attrs adopt(byte[] line, String[] keys, int[] bounds, int pairs) {
        return pairs == 0 ? EMPTY : new Attrs(keys, line, bounds, null, pairs);
    }

    /** Convenience for tests and callers: {@code Attrs.of("k1", "v1", "k2", "v2")}. */
    public static Attrs of(String... kv) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        int n = kv.length / 2;
        String[] k = new String[n];
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            k[i] = kv[2 * i];
            v[i] = kv[2 * i + 1];
        }
        int[] b = new int[2 * n];
        Arrays.fill(b, -1);
        return n == 0 ? EMPTY : new Attrs(k, null, b, v, n);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The value of the last occurrence of a key, or null. */
    public String get(String key) {
        int i = lastIndexOf(key);
        return i < 0 ? null : value(i);
    }

    private int lastIndexOf(String key) {
        for (int i = size - 1; i >= 0; i--) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    public String key(int i) {
        return keys[i];
    }

    public String value(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        int start = bounds[2 * i];
        return start < 0 ? copied[i] : new String(src, start, bounds[2 * i + 1] - start, StandardCharsets.UTF_8);
    }

    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], value(i));
        }
    }

    /**
     * This list with the pairs of {@code newer} replacing or appended to its own (a merge): keys keep the
     * position of their first occurrence here, a key seen twice keeps its last value.
     */
    public Attrs mergedWith(Attrs newer) {
        if (newer.isEmpty()) {
            return this;
        }
        if (isEmpty() || newer.hasKeysOf(this)) {
            return newer;
        }
        String[] k = new String[size + newer.size];
        int[] b = new int[2 * k.length];
        String[] c = new String[k.length];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (indexOf(k, n, keys[i]) >= 0) {
                continue;
            }
            k[n] = keys[i];
            int j = newer.lastIndexOf(keys[i]);
            if (j >= 0) {
                n = newer.copyValue(j, n, b, c);
            } else {
                b[2 * n] = -1;
                c[n++] = get(keys[i]);
            }
        }
        for (int j = 0; j < newer.size; j++) {
            if (indexOf(k, n, newer.keys[j]) < 0) {
                k[n] = newer.keys[j];
                n = newer.copyValue(newer.lastIndexOf(newer.keys[j]), n, b, c);
            }
        }
        return new Attrs(k, newer.src, b, c, n);
    }

    /** Puts value j of this list at slot n of a merge that takes offsets into this list's line; returns n + 1. */
    private int copyValue(int j, int n, int[] b, String[] c) {
        b[2 * n] = bounds[2 * j];
        b[2 * n + 1] = bounds[2 * j + 1];
        if (bounds[2 * j] < 0) {
            c[n] = copied[j];
        }
        return n + 1;
    }

    private static int indexOf(String[] keys, int n, String key) {
        for (int i = 0; i < n; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** True when this list carries at least the keys of {@code other}, in the same order (a full line). */
    private boolean hasKeysOf(Attrs other) {
        if (size < other.size) {
            return false;
        }
        for (int i = 0, j = 0; j < other.size; i++) {
            if (i >= size) {
                return false;
            }
            if (keys[i].equals(other.keys[j])) {
                j++;
            } else if (size - i <= other.size - j) {
                return false;
            }
        }
        return true;
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        forEach(m::put);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attrs && ((Attrs) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return Collections.unmodifiableMap(toMap()).toString();
    }
}
