package io.reactord.events2;

import java.nio.charset.StandardCharsets;

/**
 * The pending statistics of one object ({@link PendingStats}): either an immutable {@link Attrs} (what
 * the general path merged) or, after a statistics-only line took the byte path ({@link StatsLine}), the
 * same list kept as keys, value bounds and a byte buffer owned by this entry and overwritten in place by
 * the next such line. {@link #attrs} hands the buffer over to an {@link Attrs} (no copy); the next line
 * then starts a new one. Either form holds exactly what {@link Attrs#mergedWith} of the lines so far gives,
 * key order included.
 */
final class StatsEntry {
    /** The statistics, or null while the buffer holds newer ones. */
    private Attrs attrs;
    /**
     * Buffer form: the keys (canonical words; the array is never written once set, so lines with the same
     * keys share it), {@code [start, end)} of value i at 2i, 2i + 1 in {@link #buf}.
     */
    private String[] keys;
    private int[] bounds;
    private byte[] buf;
    private int size;
    /**
     * The tree's object these statistics belong to ({@link DeviceInfo}, {@link ConnectionInfo} or
     * {@link PeerDeviceInfo}), or null when unknown: the tree is not rebuilt while its pending statistics
     * live (a rebuild drops them), so the byte path need not look the object up again.
     */
    Object object;

    StatsEntry(Attrs attrs) {
        this.attrs = attrs;
    }

    /** The statistics as an immutable list (the buffer, when newer, is handed over to it). */
    Attrs attrs() {
        if (attrs == null) {
            attrs = Attrs.adopt(buf, keys, bounds, size);
            keys = null;
            bounds = null;
            buf = null;
        }
        return attrs;
    }

    void set(Attrs merged) {
        attrs = merged;
    }

    private int size() {
        return attrs != null ? attrs.size() : size;
    }

    private String key(int i) {
        return attrs != null ? attrs.key(i) : keys[i];
    }

    /**
     * Merges the pairs {@code newer[i]} with values {@code b[from[i], to[i])} (at least one pair, in line
     * order, no key twice; {@code newer} is never changed afterwards, so it may be shared) as
     * {@link Attrs#mergedWith} would: when they carry at least the current keys in the same order (every
     * {@code --full} line) they replace the list, the values copied from the line in one piece; otherwise
     * current keys keep their place and take the newer value, new keys are appended.
     */
    void merge(byte[] b, String[] newer, int[] from, int[] to, int n) {
        if (attrs == null && keys == newer && size == n || size() == 0 || covers(newer, n)) {
            replace(b, newer, from, to, n);
        } else {
            mergeSlow(b, newer, from, to, n);
        }
    }

    /** True when {@code newer} holds the current keys as a subsequence (as {@link Attrs}' own check). */
    private boolean covers(String[] newer, int n) {
        int cn = size();
        if (n < cn) {
            return false;
        }
        for (int i = 0, j = 0; j < cn; i++) {
            if (i >= n) {
                return false;
            }
            if (same(newer[i], key(j))) {
                j++;
            } else if (n - i <= cn - j) {
                return false;
            }
        }
        return true;
    }

    private void replace(byte[] b, String[] newer, int[] from, int[] to, int n) {
        int base = from[0];
        int span = to[n - 1] - base;
        if (bounds == null || bounds.length < 2 * n) {
            bounds = new int[Math.max(2 * n, 32)];
        }
        if (buf == null || buf.length < span) {
            buf = new byte[Math.max(span, 128)];
        }
        System.arraycopy(b, base, buf, 0, span);
        int[] bd = bounds;
        for (int i = 0; i < n; i++) {
            bd[2 * i] = from[i] - base;
            bd[2 * i + 1] = to[i] - base;
        }
        keys = newer;
        size = n;
        attrs = null;
    }

    private void mergeSlow(byte[] b, String[] newer, int[] from, int[] to, int n) {
        int cn = size();
        String[] k = new String[cn + n];
        int[] bd = new int[2 * k.length];
        Bytes out = new Bytes(to[n - 1] - from[0] + 64);
        int m = 0;
        for (int i = 0; i < cn; i++) {
            String key = key(i);
            if (indexOf(k, m, key) >= 0) {
                continue;
            }
            k[m] = key;
            bd[2 * m] = out.len;
            int j = indexOf(newer, n, key);
            if (j >= 0) {
                out.add(b, from[j], to[j]);
            } else {
                addCurrent(out, lastIndexOf(key));
            }
            bd[2 * m++ + 1] = out.len;
        }
        for (int j = 0; j < n; j++) {
            if (indexOf(k, m, newer[j]) < 0) {
                k[m] = newer[j];
                bd[2 * m] = out.len;
                out.add(b, from[j], to[j]);
                bd[2 * m++ + 1] = out.len;
            }
        }
        keys = k;
        bounds = bd;
        buf = out.b;
        size = m;
        attrs = null;
    }

    private void addCurrent(Bytes out, int i) {
        if (attrs == null) {
            out.add(buf, bounds[2 * i], bounds[2 * i + 1]);
        } else {
            byte[] v = attrs.value(i).getBytes(StandardCharsets.UTF_8);
            out.add(v, 0, v.length);
        }
    }

    private int lastIndexOf(String key) {
        for (int i = size() - 1; i >= 0; i--) {
            if (same(key(i), key)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(String[] keys, int n, String key) {
        for (int i = 0; i < n; i++) {
            if (same(keys[i], key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(String a, String b) {
        return a == b || a.equals(b);
    }

    /** A growing byte buffer for a merge. */
    private static final class Bytes {
        byte[] b;
        int len;

        Bytes(int cap) {
            b = new byte[cap];
        }

        void add(byte[] src, int from, int to) {
            int n = to - from;
            if (len + n > b.length) {
                b = java.util.Arrays.copyOf(b, Math.max(2 * b.length, len + n));
            }
            System.arraycopy(src, from, b, len, n);
            len += n;
        }
    }
}
