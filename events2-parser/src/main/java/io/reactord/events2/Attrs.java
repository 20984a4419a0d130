package io.reactord.events2;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered list of {@code key:value} pairs as printed on a line: the statistics keys and
 * any key this version of the parser does not know. Flat array storage keeps parsing cheap.
 */
public final class Attrs {
    public static final Attrs EMPTY = new Attrs(new String[0], 0);

    private final String[] kv;
    private final int size;

    private Attrs(String[] kv, int size) {
        this.kv = kv;
        this.size = size;
    }

    /** Builds from alternating keys and values; the array is not copied (callers hand it over). */
    static Attrs adopt(String[] kv, int pairs) {
        return pairs == 0 ? EMPTY : new Attrs(kv, pairs);
    }

    /** Convenience for tests and callers: {@code Attrs.of("k1", "v1", "k2", "v2")}. */
    public static Attrs of(String... kv) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        return adopt(kv.clone(), kv.length / 2);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The value of the last occurrence of a key, or null. */
    public String get(String key) {
        for (int i = size - 1; i >= 0; i--) {
            if (kv[2 * i].equals(key)) {
                return kv[2 * i + 1];
            }
        }
        return null;
    }

    public String key(int i) {
        return kv[2 * i];
    }

    public String value(int i) {
        return kv[2 * i + 1];
    }

    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(kv[2 * i], kv[2 * i + 1]);
        }
    }

    /** This list with the pairs of {@code newer} replacing or appended to its own (a merge). */
    public Attrs mergedWith(Attrs newer) {
        if (newer.isEmpty()) {
            return this;
        }
        if (isEmpty() || newer.hasKeysOf(this)) {
            return newer;
        }
        Map<String, String> m = toMap();
        newer.forEach(m::put);
        String[] out = new String[m.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            out[i++] = e.getKey();
            out[i++] = e.getValue();
        }
        return adopt(out, m.size());
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
            if (kv[2 * i].equals(other.kv[2 * j])) {
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
