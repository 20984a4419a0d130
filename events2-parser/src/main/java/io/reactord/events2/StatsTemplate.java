package io.reactord.events2;

import java.util.Arrays;

/**
 * The last statistics-only line {@link StatsLine} took for one object, as a template for the next: its
 * bytes from the action on, with the values of its statistics as holes. A poll prints the same objects
 * in the same order with the same state fields, so the next line about the object is the template with
 * other numbers in the holes: it is recognised by comparing the bytes between the holes (no tokens, no
 * keys, no state words) and its values are merged as the template's keys.
 *
 * <p>A template holds only while the object's tree is the one it was taken against (the same
 * {@link ResourceInfo} instance in a slot still in the map): any line that changes the resource, and any
 * read that folds its pending statistics, builds a new tree, and the template is then matched no more
 * until the general check of {@link StatsLine} has taken a line of the object again. Each template links
 * to the template of the line that followed it ({@link #next}), which is what the next poll is expected
 * to print after it.
 */
final class StatsTemplate {
    /** Longest line part kept as a template (real lines: 100-400 bytes); a longer one takes the token check. */
    static final int MAX_BODY = 1024;

    final ResourceMap.Slot slot;
    /** The object: {@link PendingStats#key}. */
    final long key;
    /** The tree the template was taken against, the object in it and that object's statistics. */
    ResourceInfo tree;
    Object object;
    Attrs inTree;
    /** True for an {@code exists} line (not taken while a repeated dump is being confirmed). */
    boolean exists;
    /** The line from its action on, trailing spaces cut, and the holes' bounds in it. */
    private byte[] body = new byte[256];
    private int length;
    private int[] holeFrom = new int[8];
    private int[] holeTo = new int[8];
    private int holes;
    /** The statistics' keys, one per hole (shared, never changed), or null without holes. */
    String[] keys;
    /** The template of the line taken after this one, or null. */
    StatsTemplate next;

    /** Templates one resource keeps at most (objects beyond take the general check on every line). */
    static final int PER_RESOURCE = 1024;

    private StatsTemplate(ResourceMap.Slot slot, long key) {
        this.slot = slot;
        this.key = key;
    }

    /** The template of object {@code key} of a resource (made on first use), or null when it has too many. */
    static StatsTemplate of(ResourceMap.Slot slot, long key) {
        StatsTemplate[] all = slot.templates;
        int n = 0;
        if (all != null) {
            for (; n < all.length && all[n] != null; n++) {
                if (all[n].key == key) {
                    return all[n];
                }
            }
        }
        if (n == PER_RESOURCE) {
            return null;
        }
        if (all == null || n == all.length) {
            all = all == null ? new StatsTemplate[4] : Arrays.copyOf(all, Math.min(PER_RESOURCE, 2 * n));
            slot.templates = all;
        }
        return all[n] = new StatsTemplate(slot, key);
    }

    /** The number of holes (statistics) of the template. */
    int holes() {
        return holes;
    }

    /**
     * Takes {@code b[from, end)} (the line from its action on) as the template, with the statistics
     * values {@code b[valueFrom[h], valueTo[h])} for {@code h < n} as holes; false when it is too long.
     */
    boolean take(byte[] b, int from, int end, int[] valueFrom, int[] valueTo, int n) {
        while (end > from && b[end - 1] == ' ') {
            end--;
        }
        int len = end - from;
        if (len > MAX_BODY) {
            return false;
        }
        if (body.length < len) {
            body = new byte[Math.max(len, 2 * body.length)];
        }
        if (holeFrom.length < n) {
            holeFrom = new int[Math.max(n, 2 * holeFrom.length)];
            holeTo = new int[holeFrom.length];
        }
        System.arraycopy(b, from, body, 0, len);
        for (int h = 0; h < n; h++) {
            holeFrom[h] = valueFrom[h] - from;
            holeTo[h] = valueTo[h] - from;
        }
        length = len;
        holes = n;
        return true;
    }

    /** True while the object's tree is the one the template was taken against. */
    boolean current() {
        return !slot.removed && slot.value == tree;
    }

    /**
     * Matches {@code b[i, end)} (a line from its action on) against the template: the same bytes but for
     * the holes, each hole a value without a byte below the space, then only spaces to the end. On a
     * match the values' bounds are in {@code valueFrom}/{@code valueTo} (one per hole) and the answer is
     * true; false otherwise (the arrays' contents are then undefined).
     */
    boolean match(byte[] b, int i, int end, int[] valueFrom, int[] valueTo) {
        byte[] t = body;
        int n = holes;
        int seg = n == 0 ? length : holeFrom[0];
        if (end - i < seg || !Arrays.equals(b, i, i + seg, t, 0, seg)) {
            return false;
        }
        int q = i + seg;
        for (int h = 0; h < n; h++) {
            valueFrom[h] = q;
            while (q < end) {
                byte x = b[q];
                if (x >= 0 && x <= ' ') {
                    break;
                }
                q++;
            }
            valueTo[h] = q;
            int from = holeTo[h];
            int to = h + 1 < n ? holeFrom[h + 1] : length;
            if (end - q < to - from || !same(b, q, t, from, to)) {
                return false;
            }
            q += to - from;
        }
        while (q < end && b[q] == ' ') {
            q++;
        }
        return q == end;
    }

    /** {@code b[q, …)} starts with {@code t[from, to)}; a short loop (the gaps between values are a few bytes). */
    private static boolean same(byte[] b, int q, byte[] t, int from, int to) {
        for (int j = from; j < to; j++, q++) {
            if (b[q] != t[j]) {
                return false;
            }
        }
        return true;
    }
}
