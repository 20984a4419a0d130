package io.reactord.events2;

import java.util.Objects;

/**
 * The reducer's fast path for a line that changes nothing but statistics: the object exists, and every
 * state field the line carries equals the one in the tree. Such a line causes no {@link Change}, so
 * instead of rebuilding the resource's tree its merged statistics go to the resource's
 * {@link PendingStats}. Each method answers false, having changed nothing, when the line needs the full
 * path ({@link Reducer}): a new object, a changed field, a destroy.
 */
final class StatsOnly {
    private StatsOnly() {}

    static boolean resource(ClusterState s, Event.Resource e) {
        ResourceMap.Slot slot = s.slot(e.name());
        if (slot == null) {
            return false;
        }
        ResourceInfo r = slot.value;
        if (!same(e.role(), r.role()) || !same(e.suspended(), r.suspended())
                || !same(e.forceIoFailures(), r.forceIoFailures()) || !same(e.writeOrdering(), r.writeOrdering())
                || !same(e.mayPromote(), r.mayPromote()) || !same(e.promotionScore(), r.promotionScore())) {
            return false;
        }
        if (!e.other().isEmpty()) {
            PendingStats p = slot.pending();
            p.putResource(p.resource(r.stats()).mergedWith(e.other()));
        }
        return true;
    }

    static boolean device(ClusterState s, Event.Device e) {
        ResourceMap.Slot slot = s.slot(e.name());
        DeviceInfo d = slot == null ? null : slot.value.devices().get(e.volume());
        if (d == null || !same(e.minor(), d.minor()) || !same(e.backingDev(), d.backingDev())
                || !same(e.disk(), d.disk()) || !same(e.client(), d.client()) || !same(e.open(), d.open())
                || !same(e.quorum(), d.quorum())) {
            return false;
        }
        pend(slot, PendingStats.key(PendingStats.DEVICE, 0, e.volume()), d.stats(), e.other());
        return true;
    }

    static boolean connection(ClusterState s, Event.Connection e) {
        ResourceMap.Slot slot = s.slot(e.name());
        ConnectionInfo c = slot == null ? null : slot.value.connections().get(e.peerNodeId());
        if (c == null || !same(e.connName(), c.connName()) || !same(e.connection(), c.connection())
                || !same(e.peerRole(), c.peerRole())) {
            return false;
        }
        pend(slot, PendingStats.key(PendingStats.CONNECTION, e.peerNodeId(), 0), c.stats(), e.other());
        return true;
    }

    static boolean peerDevice(ClusterState s, Event.PeerDevice e) {
        ResourceMap.Slot slot = s.slot(e.name());
        ConnectionInfo c = slot == null ? null : slot.value.connections().get(e.peerNodeId());
        PeerDeviceInfo pd = c == null ? null : c.peerDevices().get(e.volume());
        if (pd == null || !same(e.replication(), pd.replication()) || !same(e.peerDisk(), pd.peerDisk())
                || !same(e.peerClient(), pd.peerClient()) || !same(e.resyncSuspended(), pd.resyncSuspended())
                || !same(e.done(), pd.done())) {
            return false;
        }
        pend(slot, PendingStats.key(PendingStats.PEER_DEVICE, e.peerNodeId(), e.volume()), pd.stats(), e.other());
        return true;
    }

    private static void pend(ResourceMap.Slot slot, long key, Attrs inTree, Attrs newer) {
        if (newer.isEmpty()) {
            return; // merging nothing leaves the statistics as they are
        }
        PendingStats p = slot.pending();
        p.put(key, p.get(key, inTree).mergedWith(newer));
    }

    /** A field the line does not carry (null) keeps the tree's value; one it carries must equal it. */
    private static boolean same(Object fromLine, Object inTree) {
        return fromLine == null || Objects.equals(fromLine, inTree);
    }
}
