package io.reactord.events2;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The byte path for a line that changes nothing but statistics, the bulk of a {@code --statistics} poll:
 * a {@code change} (or {@code exists}) line of a device, peer device, connection or resource the tree
 * already has, whose state fields (if it carries any, as {@code --full} lines do) all equal the tree's.
 * Its other pairs are merged straight from the line's bytes into the resource's {@link PendingStats}: no
 * {@link Event} record, no {@link Attrs}, no string per key or value, no copy of the line, and the
 * {@code --timestamps} prefix is skipped without being decoded (nothing reads it for such a line).
 *
 * <p>Anything else answers false having changed nothing, and the caller takes the general path
 * ({@link Events2Parser} and {@link ClusterState#apply}), which gives the same result for the lines this
 * path takes: a line it cannot settle cheaply (a tab, a control byte or colour code, a token without a
 * colon, an unknown key, a key twice, a state value that differs or does not parse, an identifying value
 * that does not parse, a repeated dump under way) is simply not taken. One per {@link ClusterState};
 * not thread-safe.
 */
final class StatsLine {
    private static final int MAX_PAIRS = 48;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long BELOW_SPACE = 0x2121212121212121L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final int CHANGE = Words.slotOf("change");
    private static final int EXISTS = Words.slotOf("exists");
    private static final int RESOURCE = Words.slotOf("resource");
    private static final int DEVICE = Words.slotOf("device");
    private static final int CONNECTION = Words.slotOf("connection");
    private static final int PEER_DEVICE = Words.slotOf("peer-device");

    /** The line's pairs: key slot ({@link Words#find}), its id ({@link Keys}) and value bounds. */
    private final int[] slots = new int[MAX_PAIRS];
    private final byte[] ids = new byte[MAX_PAIRS];
    /** The index of the first pair of each identifying key ({@code Keys.NAME} to {@code Keys.CONN_NAME}), or -1. */
    private final int[] firsts = new int[Keys.CONN_NAME + 1];
    private final int[] from = new int[MAX_PAIRS];
    private final int[] to = new int[MAX_PAIRS];
    private int n;
    /** The pairs the object's parser would keep as statistics, in line order. */
    private final String[] keptKeys = new String[MAX_PAIRS];
    private final int[] keptFrom = new int[MAX_PAIRS];
    private final int[] keptTo = new int[MAX_PAIRS];
    private int kept;
    /** Per word slot the stamp of the last line that kept it: a key twice is seen without a search. */
    private final int[] seen = new int[Words.SLOTS];
    private int stamp;
    /** Per object kind (resource, device, connection, peer device) the key slots of its last line. */
    private final int[][] guesses = new int[4][MAX_PAIRS];
    private final int[] guessCounts = new int[4];
    /** Per object kind the kept keys of its last line taken (never changed once made: entries share them). */
    private final String[][] lastKept = new String[4][];
    /**
     * Resource slots by the bytes of their names (open addressing, a few probes, the first probed place
     * replaced when all are taken), so that a line finds its resource without a string or a hash map.
     * A slot whose resource is gone ({@link ResourceMap.Slot#removed}) is looked up again.
     */
    private static final int NAMES = 1024;
    private static final int PROBES = 4;
    private final byte[][] names = new byte[NAMES][];
    private final ResourceMap.Slot[] namedSlots = new ResourceMap.Slot[NAMES];
    /** The resource of the last line taken and its name's bytes: the next line is usually about it too. */
    private ResourceMap.Slot lastSlot;
    private final byte[] lastName = new byte[64];
    private int lastNameLength = -1;
    private byte[] b;
    /** The template expected to match the next line, and the template of the last line taken. */
    private StatsTemplate predicted;
    private StatsTemplate previous;
    /** What the last line taken by the general check was about ({@link #commit}), and its part from the action on. */
    private ResourceMap.Slot takenSlot;
    private long takenKey;
    private Object takenObject;
    private Attrs takenStats;
    private String[] takenKeys;
    private boolean takenExists;
    private int bodyFrom;
    private int bodyEnd;
    /** The end of the current line without its CR/LF ({@link #actionStart}). */
    private int lineEnd;
    /** Lines taken through a template (for tests). */
    long templated;

    /**
     * Applies {@code buf[start, stop)} when it is such a line; false (nothing changed) otherwise. The line
     * is first matched against the template the last line taken leads to ({@link StatsTemplate}); when that
     * fails it is checked token by token, and a line taken that way becomes its object's template.
     */
    boolean apply(ClusterState s, byte[] buf, int start, int stop) {
        b = buf;
        try {
            StatsTemplate t = predicted;
            if (t != null) {
                predicted = t.next;
                if (fromTemplate(s, t, start, stop)) {
                    previous = t;
                    templated++;
                    return true;
                }
            }
            if (!applyLine(s, start, stop)) {
                previous = null;
                return false;
            }
            StatsTemplate y = template();
            if (y != null) {
                if (previous != null) {
                    previous.next = y;
                }
                predicted = y.next;
            }
            previous = y;
            return true;
        } finally {
            b = null;
        }
    }

    /** Applies the line through template {@code t} when it matches; false (nothing changed) otherwise. */
    private boolean fromTemplate(ClusterState s, StatsTemplate t, int start, int stop) {
        if (!t.current() || t.exists && s.confirming(Action.EXISTS)) {
            return false;
        }
        int i = actionStart(start, stop);
        if (i < 0 || !t.match(b, i, lineEnd, keptFrom, keptTo)) {
            return false;
        }
        int n = t.holes();
        if (n > 0) {
            StatsEntry e = entry(t.slot, t.key);
            if (e == null) {
                e = t.slot.pending().entry(t.key, t.inTree);
            }
            e.object = t.object;
            e.merge(b, t.keys, keptFrom, keptTo, n);
        }
        return true;
    }

    /** The last line taken by the general check as its object's template, or null when it cannot be one. */
    private StatsTemplate template() {
        StatsTemplate t = StatsTemplate.of(takenSlot, takenKey);
        if (t == null || !t.take(b, bodyFrom, bodyEnd, keptFrom, keptTo, kept)) {
            return null;
        }
        t.tree = takenSlot.value;
        t.object = takenObject;
        t.inTree = takenStats;
        t.keys = takenKeys;
        t.exists = takenExists;
        return t;
    }

    /**
     * Where the line {@code b[start, stop)}'s action starts (after the {@code --timestamps} prefix, if any), its
     * end without CR/LF in {@link #lineEnd}; -1 when its first token is empty or holds a byte below the space.
     */
    private int actionStart(int start, int stop) {
        int end = stop;
        while (end > start && (b[end - 1] == '\n' || b[end - 1] == '\r')) {
            end--;
        }
        lineEnd = end;
        int i = skip(start, end);
        int te = tokenEnd(i, end);
        if (te <= i) {
            return -1;
        }
        return Lines.looksLikeTimestamp(b, i, te) ? skip(te, end) : i;
    }

    private boolean applyLine(ClusterState s, int start, int stop) {
        int i = actionStart(start, stop);
        if (i < 0) {
            return false;
        }
        int end = lineEnd;
        int te = tokenEnd(i, end);
        if (te <= i) {
            return false;
        }
        int action = Words.find(b, i, te);
        if (action != CHANGE && (action != EXISTS || s.confirming(Action.EXISTS))) {
            return false;
        }
        bodyFrom = i;
        bodyEnd = end;
        takenExists = action == EXISTS;
        i = skip(te, end);
        te = tokenEnd(i, end);
        if (te <= i) {
            return false;
        }
        int object = Words.find(b, i, te);
        int kind = object == PEER_DEVICE ? 3 : object == DEVICE ? 1 : object == CONNECTION ? 2 : object == RESOURCE ? 0 : -1;
        if (kind < 0 || !pairs(kind, te, end)) {
            return false;
        }
        ResourceMap.Slot slot = named(s);
        if (slot == null) {
            return false;
        }
        if (++stamp == 0) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        kept = 0;
        switch (kind) {
            case 3: return peerDevice(slot);
            case 1: return device(slot);
            case 2: return connection(slot);
            default: return resource(slot);
        }
    }

    /** The slot of the line's resource (by its first {@code name}), or null when the state has none. */
    private ResourceMap.Slot named(ClusterState s) {
        int ni = first(Keys.NAME);
        if (ni < 0) {
            return null;
        }
        int f = from[ni];
        int t = to[ni];
        int len = t - f;
        if (len == lastNameLength && !lastSlot.removed && Arrays.equals(b, f, t, lastName, 0, len)) {
            return lastSlot;
        }
        int h = 0;
        for (int i = f; i < t; i++) {
            h = 31 * h + b[i];
        }
        int at = -1;
        for (int probe = 0, i = (h ^ h >>> 11) & (NAMES - 1); probe < PROBES; probe++, i = (i + 1) & (NAMES - 1)) {
            byte[] known = names[i];
            if (known == null || namedSlots[i].removed) {
                at = at < 0 ? i : at;
                continue;
            }
            if (Arrays.equals(b, f, t, known, 0, known.length)) {
                return remember(namedSlots[i], f, len);
            }
        }
        String name = Names.exact(b, f, t);
        ResourceMap.Slot slot = name == null || name.isEmpty() ? null : s.slot(name);
        if (slot != null) {
            at = at < 0 ? (h ^ h >>> 11) & (NAMES - 1) : at; // all probed places taken: replace the first
            names[at] = Arrays.copyOfRange(b, f, t);
            namedSlots[at] = slot;
            remember(slot, f, len);
        }
        return slot;
    }

    private ResourceMap.Slot remember(ResourceMap.Slot slot, int f, int len) {
        if (len <= lastName.length) {
            System.arraycopy(b, f, lastName, 0, len);
            lastNameLength = len;
            lastSlot = slot;
        }
        return slot;
    }

    /**
     * Reads the pairs after {@code i} to the end; false when a token is not a known {@code key:value}.
     * Lines of one object kind print their keys in one order, so each key is first guessed as the one at
     * the same place on the last line of that kind: a guess that holds (the word's bytes, then a colon)
     * costs neither the colon search nor the hash of {@link Words#find}.
     */
    private boolean pairs(int kind, int i, int end) {
        int[] guess = guesses[kind];
        int guessed = guessCounts[kind];
        Arrays.fill(firsts, -1);
        n = 0;
        for (i = skip(i, end); i < end; i = skip(i, end)) {
            if (n == MAX_PAIRS) {
                return false;
            }
            int slot = -1;
            int c = -1;
            if (n < guessed) {
                int g = guess[n];
                int e = i + Words.length(g);
                if (e < end && b[e] == ':' && Words.matches(g, b, i)) {
                    slot = g;
                    c = e; // no word of the table has a colon or a byte below the space: the first colon
                }
            }
            if (slot < 0) {
                int te = tokenEnd(i, end);
                if (te < 0) {
                    return false;
                }
                c = i;
                while (c < te && b[c] != ':') {
                    c++;
                }
                slot = c == te ? -1 : Words.find(b, i, c);
                if (slot < 0) {
                    return false;
                }
                guess[n] = slot;
                guessed = Math.max(guessed, n + 1);
            }
            int te = tokenEnd(c + 1, end);
            if (te < 0) {
                return false;
            }
            byte id = Words.keyIdAt(slot);
            if (id >= 0 && id <= Keys.CONN_NAME && firsts[id] < 0) {
                firsts[id] = n;
            }
            slots[n] = slot;
            ids[n] = id;
            from[n] = c + 1;
            to[n] = te;
            n++;
            i = te;
        }
        guessCounts[kind] = Math.max(guessed, n);
        return true;
    }

    private boolean resource(ResourceMap.Slot slot) {
        ResourceInfo r = slot.value;
        for (int k = 0; k < n; k++) {
            boolean ok;
            switch (ids[k]) {
                case Keys.NAME: continue;
                case Keys.ROLE: ok = role(k, r.role()); break;
                case Keys.SUSPENDED: ok = flags(k, r.suspended()); break;
                case Keys.FORCE_IO_FAILURES: ok = triState(k, r.forceIoFailures()); break;
                case Keys.WRITE_ORDERING: ok = text(k, r.writeOrdering()); break;
                case Keys.MAY_PROMOTE: ok = yesNo(k, r.mayPromote()); break;
                case Keys.PROMOTION_SCORE: ok = number(k, r.promotionScore()); break;
                default: ok = keep(k);
            }
            if (!ok) {
                return false;
            }
        }
        commit(slot, PendingStats.RESOURCE_KEY, null, r, r.stats(), 0);
        return true;
    }

    private boolean device(ResourceMap.Slot slot) {
        int volume = firstNumber(Keys.VOLUME);
        if (volume < 0) {
            return false;
        }
        long key = PendingStats.key(PendingStats.DEVICE, 0, volume);
        StatsEntry e = entry(slot, key);
        DeviceInfo d = e != null && e.object != null ? (DeviceInfo) e.object : slot.value.devices().get(volume);
        if (d == null) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            boolean ok;
            switch (ids[k]) {
                case Keys.NAME: case Keys.VOLUME: continue;
                case Keys.MINOR: ok = number(k, d.minor()); break;
                case Keys.BACKING_DEV: ok = text(k, d.backingDev()); break;
                case Keys.DISK: ok = disk(k, d.disk()); break;
                case Keys.CLIENT: ok = triState(k, d.client()); break;
                case Keys.OPEN: ok = triState(k, d.open()); break;
                case Keys.QUORUM: ok = yesNo(k, d.quorum()); break;
                default: ok = keep(k);
            }
            if (!ok) {
                return false;
            }
        }
        commit(slot, key, e, d, d.stats(), 1);
        return true;
    }

    private boolean connection(ResourceMap.Slot slot) {
        int peer = firstNumber(Keys.PEER_NODE_ID);
        if (peer < 0) {
            return false;
        }
        long key = PendingStats.key(PendingStats.CONNECTION, peer, 0);
        StatsEntry e = entry(slot, key);
        ConnectionInfo c = e != null && e.object != null ? (ConnectionInfo) e.object : slot.value.connections().get(peer);
        if (c == null) {
            return false;
        }
        int ci = first(Keys.CONN_NAME);
        if (ci >= 0) {
            String connName = Names.exact(b, from[ci], to[ci]);
            if (connName == null || !connName.equals(c.connName())) {
                return false;
            }
        }
        for (int k = 0; k < n; k++) {
            boolean ok;
            switch (ids[k]) {
                case Keys.NAME: case Keys.PEER_NODE_ID: case Keys.CONN_NAME: continue;
                case Keys.CONNECTION: ok = connectionState(k, c.connection()); break;
                case Keys.ROLE: ok = role(k, c.peerRole()); break;
                default: ok = keep(k);
            }
            if (!ok) {
                return false;
            }
        }
        commit(slot, key, e, c, c.stats(), 2);
        return true;
    }

    private boolean peerDevice(ResourceMap.Slot slot) {
        int peer = firstNumber(Keys.PEER_NODE_ID);
        int volume = firstNumber(Keys.VOLUME);
        if (peer < 0 || volume < 0) {
            return false;
        }
        long key = PendingStats.key(PendingStats.PEER_DEVICE, peer, volume);
        StatsEntry e = entry(slot, key);
        PeerDeviceInfo pd = e != null && e.object != null ? (PeerDeviceInfo) e.object : peerDevice(slot.value, peer, volume);
        if (pd == null) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            boolean ok;
            switch (ids[k]) {
                case Keys.NAME: case Keys.PEER_NODE_ID: case Keys.CONN_NAME: case Keys.VOLUME: continue;
                case Keys.REPLICATION: ok = replication(k, pd.replication()); break;
                case Keys.PEER_DISK: ok = disk(k, pd.peerDisk()); break;
                case Keys.PEER_CLIENT: ok = triState(k, pd.peerClient()); break;
                case Keys.RESYNC_SUSPENDED: ok = flags(k, pd.resyncSuspended()); break;
                case Keys.DONE: ok = text(k, pd.done()); break;
                default: ok = keep(k);
            }
            if (!ok) {
                return false;
            }
        }
        commit(slot, key, e, pd, pd.stats(), 3);
        return true;
    }

    private static PeerDeviceInfo peerDevice(ResourceInfo r, int peer, int volume) {
        ConnectionInfo c = r.connections().get(peer);
        return c == null ? null : c.peerDevices().get(volume);
    }

    /** The object's pending statistics, or null when it has none. */
    private static StatsEntry entry(ResourceMap.Slot slot, long key) {
        PendingStats p = slot.pending;
        return p == null ? null : p.entry(key);
    }

    /**
     * Merges the kept pairs into the object's pending statistics (nothing to do without any). The kept keys
     * are handed over as the array of the last line of this kind when they are the same (they nearly always
     * are), so an entry recognises an unchanged key list by identity.
     */
    private void commit(ResourceMap.Slot slot, long key, StatsEntry e, Object object, Attrs inTree, int kind) {
        takenSlot = slot;
        takenKey = key;
        takenObject = object;
        takenStats = inTree;
        takenKeys = null;
        if (kept == 0) {
            return;
        }
        String[] keys = lastKept[kind];
        if (keys == null || keys.length != kept || !sameKeys(keys)) {
            keys = lastKept[kind] = Arrays.copyOf(keptKeys, kept);
        }
        if (e == null) {
            e = slot.pending().entry(key, inTree);
        }
        e.object = object;
        e.merge(b, keys, keptFrom, keptTo, kept);
        takenKeys = keys;
    }

    private boolean sameKeys(String[] keys) {
        for (int i = 0; i < kept; i++) {
            if (keys[i] != keptKeys[i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps pair k as a statistic; false when its key came before on this line (left to the general path). */
    private boolean keep(int k) {
        int slot = slots[k];
        if (seen[slot] == stamp) {
            return false;
        }
        seen[slot] = stamp;
        keptKeys[kept] = Words.at(slot);
        keptFrom[kept] = from[k];
        keptTo[kept] = to[k];
        kept++;
        return true;
    }

    /** The index of the first pair with an identifying key ({@code name} to {@code conn-name}), or -1. */
    private int first(int id) {
        return firsts[id];
    }

    /** The first value of a key as a decimal int ≥ 0, or -1 (absent or not a number). */
    private int firstNumber(int id) {
        int k = first(id);
        return k < 0 ? -1 : Numbers.parse(b, from[k], to[k]);
    }

    // State values: each must be carried as the tree has it (the value after "->" with --diff), else false.

    /** Where pair k's state value starts: after {@code old->} with {@code --diff} (as {@link Pairs}). */
    private int stateStart(int k) {
        int f = from[k];
        int t = to[k];
        for (int j = f + 1; j < t; j++) {
            if (b[j] == '>' && b[j - 1] == '-') {
                return j + 1;
            }
        }
        return f;
    }

    /** True when pair k's state value is {@code word} (an ASCII word as printed): no lookup, no string. */
    private boolean is(int k, String word) {
        return Text.same(b, stateStart(k), to[k], word);
    }

    /** The state value of pair k, the canonical instance when it is a known word. */
    private String word(int k) {
        return Words.of(b, stateStart(k), to[k]);
    }

    private boolean role(int k, Role inTree) {
        if (inTree == null) {
            return false;
        }
        return is(k, inTree.drbdName()) || Role.of(word(k)) == inTree;
    }

    private boolean disk(int k, DiskState inTree) {
        if (inTree == null) {
            return false;
        }
        return is(k, inTree.drbdName()) || DiskState.of(word(k)) == inTree;
    }

    private boolean connectionState(int k, ConnectionState inTree) {
        if (inTree == null) {
            return false;
        }
        return is(k, inTree.drbdName()) || ConnectionState.of(word(k)) == inTree;
    }

    private boolean replication(int k, ReplicationState inTree) {
        if (inTree == null) {
            return false;
        }
        return is(k, inTree.drbdName()) || ReplicationState.of(word(k)) == inTree;
    }

    private boolean triState(int k, TriState inTree) {
        if (inTree == null) {
            return false;
        }
        return is(k, inTree.word()) || TriState.of(word(k)) == inTree;
    }

    private boolean yesNo(int k, Boolean inTree) {
        return inTree != null && (is(k, inTree ? "yes" : "no") || inTree.equals(ObjectParsers.yesNo(word(k))));
    }

    private boolean flags(int k, List<String> inTree) {
        return inTree != null && (inTree.isEmpty() && is(k, "no") || ObjectParsers.flags(word(k)).equals(inTree));
    }

    private boolean text(int k, String inTree) {
        return inTree != null && Text.same(b, stateStart(k), to[k], inTree);
    }

    private boolean number(int k, Integer inTree) {
        return inTree != null && inTree == Numbers.parse(b, stateStart(k), to[k]);
    }

    private int skip(int i, int end) {
        while (i < end && b[i] == ' ') {
            i++;
        }
        return i;
    }

    /**
     * The end of the token at {@code i}: the next space or the line's end; -1 when a byte below the space
     * comes first (a tab, a colour code, a control byte: left to the general path). Eight bytes at a time.
     */
    private int tokenEnd(int i, int end) {
        byte[] c = b;
        for (; i + 8 <= end; i += 8) {
            long w = (long) LONGS.get(c, i);
            long t = (w - BELOW_SPACE) & ~w & HIGHS; // the lowest set bit marks the first byte below 0x21
            if (t != 0) {
                int j = i + Bytes.firstMarked(t);
                return c[j] == ' ' ? j : -1;
            }
        }
        for (; i < end; i++) {
            byte x = c[i];
            if (x >= 0 && x <= ' ') {
                return x == ' ' ? i : -1;
            }
        }
        return end;
    }
}
