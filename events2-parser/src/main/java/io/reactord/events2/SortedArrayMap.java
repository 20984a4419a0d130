package io.reactord.events2;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map over two sorted arrays, for the handful of volumes, peers and paths of a resource:
 * a copy with one entry changed costs two small array copies instead of a tree. Iterates in key order.
 */
final class SortedArrayMap<K extends Comparable<K>, V> extends AbstractMap<K, V> {
    private static final SortedArrayMap<?, ?> EMPTY = new SortedArrayMap<>(new Comparable<?>[0], new Object[0]);

    private final Comparable<?>[] keys;
    private final Object[] values;
    /** The keys as ints when they are Integers (volumes, peers): searched without unboxing; else null. */
    private final int[] ints;

    private SortedArrayMap(Comparable<?>[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
        this.ints = keys.length > 0 && keys[0] instanceof Integer ? unboxed(keys) : null;
    }

    private SortedArrayMap(Comparable<?>[] keys, Object[] values, int[] ints) {
        this.keys = keys;
        this.values = values;
        this.ints = ints;
    }

    private static int[] unboxed(Comparable<?>[] keys) {
        int[] r = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            r[i] = (Integer) keys[i];
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    static <K extends Comparable<K>, V> SortedArrayMap<K, V> empty() {
        return (SortedArrayMap<K, V>) EMPTY;
    }

    /** {@code m} as a sorted array map (a no-op when it already is one). */
    @SuppressWarnings("unchecked")
    static <K extends Comparable<K>, V> SortedArrayMap<K, V> of(Map<K, V> m) {
        if (m instanceof SortedArrayMap) {
            return (SortedArrayMap<K, V>) m;
        }
        SortedArrayMap<K, V> r = empty();
        for (Map.Entry<K, V> e : m.entrySet()) {
            r = r.with(e.getKey(), e.getValue());
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private int find(Object key) {
        if (ints != null && key instanceof Integer) {
            return findInt((Integer) key);
        }
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = ((Comparable<Object>) keys[mid]).compareTo(key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** {@link #find} for the volume and peer keys: int comparisons instead of calls through Comparable. */
    private int findInt(int key) {
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int k = ints[mid];
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    SortedArrayMap<K, V> with(K key, V value) {
        int i = find(key);
        if (i >= 0) {
            Object[] v = values.clone();
            v[i] = value;
            return new SortedArrayMap<>(keys, v, ints);
        }
        int at = -(i + 1);
        Comparable<?>[] k = new Comparable<?>[keys.length + 1];
        Object[] v = new Object[values.length + 1];
        System.arraycopy(keys, 0, k, 0, at);
        System.arraycopy(values, 0, v, 0, at);
        k[at] = key;
        v[at] = value;
        System.arraycopy(keys, at, k, at + 1, keys.length - at);
        System.arraycopy(values, at, v, at + 1, values.length - at);
        return new SortedArrayMap<>(k, v);
    }

    SortedArrayMap<K, V> without(K key) {
        int i = find(key);
        if (i < 0) {
            return this;
        }
        Comparable<?>[] k = new Comparable<?>[keys.length - 1];
        Object[] v = new Object[values.length - 1];
        System.arraycopy(keys, 0, k, 0, i);
        System.arraycopy(values, 0, v, 0, i);
        System.arraycopy(keys, i + 1, k, i, keys.length - i - 1);
        System.arraycopy(values, i + 1, v, i, values.length - i - 1);
        return new SortedArrayMap<>(k, v);
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return sameKeyType(key) && find(key) >= 0;
    }

    /** Keys of another type are simply absent (never compared, which would throw). */
    private boolean sameKeyType(Object key) {
        return key != null && keys.length > 0 && keys[0].getClass() == key.getClass();
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (!sameKeyType(key)) {
            return null;
        }
        int i = find(key);
        return i >= 0 ? (V) values[i] : null;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<K, V> next() {
                        if (i >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<K, V> e = new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
                        i++;
                        return e;
                    }
                };
            }
        };
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            b.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i]);
        }
        return b.append('}').toString();
    }
}
