package io.reactord.events2;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges one object event into the tree and records the promoter-relevant changes. A line that changes
 * only statistics takes {@link StatsOnly}'s path and leaves the tree as it is. The rebuild of an object
 * ({@code ...Update}) and its removal are methods of their own: the per-line method the JIT compiles
 * first stays small, and the rare paths are compiled (or not) on their own.
 */
final class Reducer {
    private Reducer() {}

    static void apply(ClusterState s, Event e, List<Change> out) {
        if (e instanceof Event.Resource) {
            resource(s, (Event.Resource) e, out);
        } else if (e instanceof Event.Device) {
            device(s, (Event.Device) e, out);
        } else if (e instanceof Event.Connection) {
            connection(s, (Event.Connection) e, out);
        } else if (e instanceof Event.PeerDevice) {
            peerDevice(s, (Event.PeerDevice) e, out);
        } else if (e instanceof Event.Path) {
            path(s, (Event.Path) e, out);
        }
    }

    /** The resource, created on first mention (child lines may come before the resource line). */
    private static ResourceInfo ensure(ClusterState s, String name, List<Change> out) {
        ResourceInfo r = s.get(name);
        if (r == null) {
            r = ResourceInfo.empty(name);
            s.put(r);
            out.add(new Change(name, Change.Field.RESOURCE_CREATED, null, null, null, name, r));
        }
        return r;
    }

    private static void resource(ClusterState s, Event.Resource e, List<Change> out) {
        if (s.confirming(e.action())) {
            s.confirm(ObjectKeys.resource(e.name()));
        }
        if (e.action() == Action.DESTROY) {
            if (s.get(e.name()) != null) {
                s.remove(e.name());
                out.add(new Change(e.name(), Change.Field.RESOURCE_DESTROYED, null, null, e.name(), null, null));
            }
            return;
        }
        if (!StatsOnly.resource(s, e)) {
            resourceUpdate(s, e, out);
        }
    }

    private static void resourceUpdate(ClusterState s, Event.Resource e, List<Change> out) {
        int mark = out.size();
        ResourceInfo o = ensure(s, e.name(), out);
        ResourceInfo n = new ResourceInfo(o.name(), or(e.role(), o.role()), or(e.suspended(), o.suspended()),
                or(e.forceIoFailures(), o.forceIoFailures()), or(e.writeOrdering(), o.writeOrdering()),
                or(e.mayPromote(), o.mayPromote()), or(e.promotionScore(), o.promotionScore()),
                o.stats().mergedWith(e.other()), o.devices(), o.connections());
        s.put(n);
        Diff d = new Diff(e.name(), null, null, n, out);
        d.field(Change.Field.ROLE, o.role(), n.role());
        d.field(Change.Field.SUSPENDED, o.suspended(), n.suspended());
        d.field(Change.Field.FORCE_IO_FAILURES, o.forceIoFailures(), n.forceIoFailures());
        d.field(Change.Field.MAY_PROMOTE, o.mayPromote(), n.mayPromote());
        d.field(Change.Field.PROMOTION_SCORE, o.promotionScore(), n.promotionScore());
        retarget(out, mark, n);
    }

    private static void device(ClusterState s, Event.Device e, List<Change> out) {
        if (s.confirming(e.action())) {
            s.confirm(ObjectKeys.device(e.name(), e.volume()));
        }
        if (e.action() == Action.DESTROY) {
            ResourceInfo r = s.get(e.name());
            if (r != null && r.devices().containsKey(e.volume())) {
                destroyDevice(s, r, e.volume(), out);
            }
            return;
        }
        if (!StatsOnly.device(s, e)) {
            deviceUpdate(s, e, out);
        }
    }

    private static void deviceUpdate(ClusterState s, Event.Device e, List<Change> out) {
        int mark = out.size();
        ResourceInfo r = ensure(s, e.name(), out);
        DeviceInfo o = r.devices().get(e.volume());
        boolean created = o == null;
        if (created) {
            o = DeviceInfo.empty(e.volume());
        }
        DeviceInfo n = new DeviceInfo(e.volume(), or(e.minor(), o.minor()), or(e.backingDev(), o.backingDev()),
                or(e.disk(), o.disk()), or(e.client(), o.client()), or(e.open(), o.open()),
                or(e.quorum(), o.quorum()), o.stats().mergedWith(e.other()));
        ResourceInfo nr = r.withDevices(with(r.devices(), e.volume(), n));
        s.put(nr);
        Diff d = new Diff(e.name(), e.volume(), null, nr, out);
        if (created) {
            d.event(Change.Field.DEVICE_CREATED);
        }
        d.field(Change.Field.DISK, o.disk(), n.disk());
        d.field(Change.Field.CLIENT, o.client(), n.client());
        d.field(Change.Field.QUORUM, o.quorum(), n.quorum());
        d.field(Change.Field.OPEN, o.open(), n.open());
        retarget(out, mark, nr);
    }

    private static void destroyDevice(ClusterState s, ResourceInfo r, int volume, List<Change> out) {
        int mark = out.size();
        Map<Integer, ConnectionInfo> conns = r.connections();
        for (ConnectionInfo c : r.connections().values()) {
            if (c.peerDevices().containsKey(volume)) {
                conns = with(conns, c.peerNodeId(), c.withPeerDevices(without(c.peerDevices(), volume)));
                out.add(new Change(r.name(), Change.Field.PEER_DEVICE_DESTROYED, volume, c.peerNodeId(), volume,
                        null, null));
            }
        }
        ResourceInfo nr = r.withDevices(without(r.devices(), volume)).withConnections(conns);
        s.put(nr);
        out.add(new Change(r.name(), Change.Field.DEVICE_DESTROYED, volume, null, volume, null, nr));
        retarget(out, mark, nr);
    }

    private static void connection(ClusterState s, Event.Connection e, List<Change> out) {
        if (s.confirming(e.action())) {
            s.confirm(ObjectKeys.connection(e.name(), e.peerNodeId()));
        }
        if (e.action() == Action.DESTROY) {
            connectionDestroy(s, e, out);
            return;
        }
        if (!StatsOnly.connection(s, e)) {
            connectionUpdate(s, e, out);
        }
    }

    private static void connectionDestroy(ClusterState s, Event.Connection e, List<Change> out) {
        ResourceInfo r = s.get(e.name());
        if (r != null && r.connections().containsKey(e.peerNodeId())) {
            ResourceInfo nr = r.withConnections(without(r.connections(), e.peerNodeId()));
            s.put(nr);
            out.add(new Change(e.name(), Change.Field.CONNECTION_DESTROYED, null, e.peerNodeId(),
                    r.connections().get(e.peerNodeId()).connName(), null, nr));
        }
    }

    private static void connectionUpdate(ClusterState s, Event.Connection e, List<Change> out) {
        int mark = out.size();
        ResourceInfo r = ensure(s, e.name(), out);
        ConnectionInfo o = r.connections().get(e.peerNodeId());
        boolean created = o == null;
        if (created) {
            o = ConnectionInfo.empty(e.peerNodeId(), e.connName());
        }
        ConnectionInfo n = new ConnectionInfo(e.peerNodeId(), or(e.connName(), o.connName()),
                or(e.connection(), o.connection()), or(e.peerRole(), o.peerRole()), o.stats().mergedWith(e.other()),
                o.peerDevices(), o.paths());
        ResourceInfo nr = r.withConnections(with(r.connections(), e.peerNodeId(), n));
        s.put(nr);
        Diff d = new Diff(e.name(), null, e.peerNodeId(), nr, out);
        if (created) {
            d.event(Change.Field.CONNECTION_CREATED);
        }
        d.field(Change.Field.CONNECTION_STATE, o.connection(), n.connection());
        d.field(Change.Field.PEER_ROLE, o.peerRole(), n.peerRole());
        retarget(out, mark, nr);
    }

    /** The connection for a child line, created on first mention. */
    private static ConnectionInfo ensureConnection(ResourceInfo r, int peer, String connName, Diff d) {
        ConnectionInfo c = r.connections().get(peer);
        if (c == null) {
            c = ConnectionInfo.empty(peer, connName);
            d.eventAt(Change.Field.CONNECTION_CREATED, null, peer);
        }
        return c;
    }

    private static void peerDevice(ClusterState s, Event.PeerDevice e, List<Change> out) {
        if (s.confirming(e.action())) {
            s.confirm(ObjectKeys.peerDevice(e.name(), e.peerNodeId(), e.volume()));
        }
        if (e.action() == Action.DESTROY || !StatsOnly.peerDevice(s, e)) {
            peerDeviceUpdate(s, e, out);
        }
    }

    /** A peer-device line that changes more than statistics, or a destroy. */
    private static void peerDeviceUpdate(ClusterState s, Event.PeerDevice e, List<Change> out) {
        int mark = out.size();
        ResourceInfo r = e.action() == Action.DESTROY ? s.get(e.name()) : ensure(s, e.name(), out);
        if (r == null) {
            return;
        }
        Diff d = new Diff(e.name(), e.volume(), e.peerNodeId(), null, out);
        if (e.action() == Action.DESTROY) {
            ConnectionInfo c = r.connections().get(e.peerNodeId());
            if (c != null && c.peerDevices().containsKey(e.volume())) {
                ResourceInfo nr = r.withConnections(with(r.connections(), e.peerNodeId(),
                        c.withPeerDevices(without(c.peerDevices(), e.volume()))));
                s.put(nr);
                d.event(Change.Field.PEER_DEVICE_DESTROYED);
                retarget(out, mark, nr);
            }
            return;
        }
        ConnectionInfo c = ensureConnection(r, e.peerNodeId(), e.connName(), d);
        PeerDeviceInfo o = c.peerDevices().get(e.volume());
        boolean created = o == null;
        if (created) {
            o = PeerDeviceInfo.empty(e.volume());
            d.event(Change.Field.PEER_DEVICE_CREATED);
        }
        PeerDeviceInfo n = new PeerDeviceInfo(e.volume(), or(e.replication(), o.replication()),
                or(e.peerDisk(), o.peerDisk()), or(e.peerClient(), o.peerClient()),
                or(e.resyncSuspended(), o.resyncSuspended()), or(e.done(), o.done()),
                o.stats().mergedWith(e.other()));
        ResourceInfo nr = r.withConnections(with(r.connections(), e.peerNodeId(),
                c.withPeerDevices(with(c.peerDevices(), e.volume(), n))));
        s.put(nr);
        d.field(Change.Field.REPLICATION, o.replication(), n.replication());
        d.field(Change.Field.PEER_DISK, o.peerDisk(), n.peerDisk());
        d.field(Change.Field.PEER_CLIENT, o.peerClient(), n.peerClient());
        retarget(out, mark, nr);
    }

    private static void path(ClusterState s, Event.Path e, List<Change> out) {
        if (s.confirming(e.action())) {
            s.confirm(ObjectKeys.path(e.name(), e.peerNodeId(), e.local(), e.peer()));
        }
        int mark = out.size();
        ResourceInfo r = e.action() == Action.DESTROY ? s.get(e.name()) : ensure(s, e.name(), out);
        if (r == null) {
            return;
        }
        String key = PathInfo.key(e.local(), e.peer());
        if (e.action() == Action.DESTROY) {
            ConnectionInfo c = r.connections().get(e.peerNodeId());
            if (c != null && c.paths().containsKey(key)) {
                s.put(r.withConnections(with(r.connections(), e.peerNodeId(), c.withPaths(without(c.paths(), key)))));
            }
            return;
        }
        Diff d = new Diff(e.name(), null, e.peerNodeId(), null, out);
        ConnectionInfo c = ensureConnection(r, e.peerNodeId(), e.connName(), d);
        PathInfo o = c.paths().get(key);
        PathInfo n = new PathInfo(e.local(), e.peer(), or(e.established(), o == null ? null : o.established()),
                o == null ? e.other() : o.stats().mergedWith(e.other()));
        ResourceInfo nr = r.withConnections(with(r.connections(), e.peerNodeId(), c.withPaths(with(c.paths(), key, n))));
        s.put(nr);
        retarget(out, mark, nr);
    }

    /** Changes recorded before the final tree was known point at it afterwards. */
    private static void retarget(List<Change> out, int from, ResourceInfo r) {
        for (int i = from; i < out.size(); i++) {
            Change c = out.get(i);
            if (c.after() != r && c.resource().equals(r.name()) && c.field() != Change.Field.RESOURCE_DESTROYED) {
                out.set(i, new Change(c.resource(), c.field(), c.volume(), c.peerNodeId(), c.oldValue(),
                        c.newValue(), r));
            }
        }
    }

    private static <T> T or(T newer, T older) {
        return newer != null ? newer : older;
    }

    static <K extends Comparable<K>, V> Map<K, V> with(Map<K, V> m, K k, V v) {
        return SortedArrayMap.of(m).with(k, v);
    }

    static <K extends Comparable<K>, V> Map<K, V> without(Map<K, V> m, K k) {
        return SortedArrayMap.of(m).without(k);
    }

    /** Appends field changes for one object. */
    private static final class Diff {
        private final String resource;
        private final Integer volume;
        private final Integer peer;
        private final ResourceInfo after;
        private final List<Change> out;

        Diff(String resource, Integer volume, Integer peer, ResourceInfo after, List<Change> out) {
            this.resource = resource;
            this.volume = volume;
            this.peer = peer;
            this.after = after;
            this.out = out;
        }

        void field(Change.Field f, Object o, Object n) {
            if (!Objects.equals(o, n)) {
                out.add(new Change(resource, f, volume, peer, o, n, after));
            }
        }

        void event(Change.Field f) {
            out.add(new Change(resource, f, volume, peer, null, null, after));
        }

        void eventAt(Change.Field f, Integer vol, Integer p) {
            out.add(new Change(resource, f, vol, p, null, null, after));
        }
    }
}
