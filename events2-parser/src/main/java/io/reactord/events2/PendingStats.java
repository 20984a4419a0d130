package io.reactord.events2;

import java.util.Arrays;
import java.util.Map;

/**
 * The statistics of one resource's objects that arrived after its tree was last built: a mutable side
 * structure owned by the {@link ClusterState}, so that a line which changes nothing but counters
 * ({@code received}, {@code sent}, {@code written}, …, the bulk of a {@code --statistics} stream) replaces
 * one entry here instead of copying the resource, a connection, a peer device and two maps. The entries
 * are folded into a new immutable tree ({@link #applyTo}) only when someone reads the resource, or before
 * a line that changes a state field rebuilds it; what a reader sees is exactly what rebuilding on every
 * line would have given.
 *
 * <p>Each entry ({@link StatsEntry}) holds the object's complete merged statistics ({@link Attrs#mergedWith}),
 * keyed by kind, peer and volume; a resource holds one entry per object at most. An entry is either an
 * {@link Attrs} (from a parsed {@link Event}) or a buffer written in place from a line's bytes
 * ({@link StatsLine}, no record, no string).
 */
final class PendingStats {
    static final int RESOURCE = 0;
    static final int DEVICE = 1;
    static final int CONNECTION = 2;
    static final int PEER_DEVICE = 3;
    /** The key of the resource's own statistics. */
    static final long RESOURCE_KEY = 0;

    private long[] keys = new long[4];
    private StatsEntry[] entries = new StatsEntry[4];
    private int size;

    /** Kind, peer and volume in one number (peer and volume are ≥ 0 and below 2^31). */
    static long key(int kind, int peer, int volume) {
        return (long) kind << 62 | (long) peer << 31 | volume;
    }

    private static int kind(long key) {
        return (int) (key >>> 62);
    }

    private static int peer(long key) {
        return (int) (key >>> 31) & Integer.MAX_VALUE;
    }

    private static int volume(long key) {
        return (int) key & Integer.MAX_VALUE;
    }

    /** The resource's statistics as the next tree will have them, given the tree's own. */
    Attrs resource(Attrs inTree) {
        return get(RESOURCE_KEY, inTree);
    }

    void putResource(Attrs merged) {
        put(RESOURCE_KEY, merged);
    }

    /** An object's statistics as the next tree will have them, given the tree's own. */
    Attrs get(long key, Attrs inTree) {
        StatsEntry e = entry(key);
        return e != null ? e.attrs() : inTree;
    }

    void put(long key, Attrs merged) {
        StatsEntry e = entry(key);
        if (e == null) {
            add(key, new StatsEntry(merged));
        } else {
            e.set(merged);
        }
    }

    /** The entry of an object, or null when its statistics have not moved since the tree was built. */
    StatsEntry entry(long key) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                return entries[i];
            }
        }
        return null;
    }

    /** The entry of an object, made from the tree's statistics when there is none yet. */
    StatsEntry entry(long key, Attrs inTree) {
        StatsEntry e = entry(key);
        if (e == null) {
            e = new StatsEntry(inTree);
            add(key, e);
        }
        return e;
    }

    private void add(long key, StatsEntry e) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, 2 * size);
            entries = Arrays.copyOf(entries, 2 * size);
        }
        keys[size] = key;
        entries[size++] = e;
    }

    /**
     * The tree with these statistics in it. Every entry names an object of {@code r}: entries are only
     * made for objects the tree has, and a line that removes an object builds the tree (folding these in)
     * first.
     */
    ResourceInfo applyTo(ResourceInfo r) {
        Map<Integer, DeviceInfo> devices = r.devices();
        Map<Integer, ConnectionInfo> conns = r.connections();
        Attrs own = r.stats();
        for (int i = 0; i < size; i++) {
            long k = keys[i];
            Attrs stats = entries[i].attrs();
            switch (kind(k)) {
                case RESOURCE -> own = stats;
                case DEVICE -> devices = Reducer.with(devices, volume(k), devices.get(volume(k)).withStats(stats));
                case CONNECTION -> conns = Reducer.with(conns, peer(k), conns.get(peer(k)).withStats(stats));
                default -> {
                    ConnectionInfo c = conns.get(peer(k));
                    PeerDeviceInfo pd = c.peerDevices().get(volume(k)).withStats(stats);
                    conns = Reducer.with(conns, peer(k), c.withPeerDevices(Reducer.with(c.peerDevices(), volume(k), pd)));
                }
            }
        }
        return new ResourceInfo(r.name(), r.role(), r.suspended(), r.forceIoFailures(), r.writeOrdering(),
                r.mayPromote(), r.promotionScore(), own, devices, conns);
    }
}
