package io.reactord.agent.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.reactord.events2.Attrs;
import io.reactord.events2.ConnectionInfo;
import io.reactord.events2.ConnectionState;
import io.reactord.events2.DeviceInfo;
import io.reactord.events2.DiskState;
import io.reactord.events2.PeerDeviceInfo;
import io.reactord.events2.ResourceInfo;
import io.reactord.events2.Role;
import io.reactord.events2.TriState;
import io.reactord.events2.ClusterState;
import io.reactord.events2.Event;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * drbd-reactor's DRBD metric families, rendered at scrape time from the resource snapshots the event
 * loop hands over ({@link #onEvent} after every events2 line, or {@link #publish}). Names, label names, units (KiB statistics times 1024, in-flight
 * sectors times 512), HELP texts and gauge/counter types are drbd-reactor's. The one-hot state families
 * ({@code drbd_resource_role}, {@code drbd_connection_state}, {@code drbd_device_state}) are emitted only
 * with {@code enums = true}; their state label is named like the family. A field events2 has not
 * reported yet reads as drbd-reactor's default (role Unknown, disk DUnknown, connection StandAlone, 0).
 *
 * <p>Thread-safety: the loop stores the immutable {@code ResourceInfo} of the resource a line touched into
 * a concurrent map (one put, no copy of the whole state); a scrape reads that map without locking. Each
 * resource is rendered as one consistent snapshot; the loop never waits for a scrape.
 */
public final class DrbdMetrics implements MultiCollector {
    private static final String[] ROLES = {"Unknown", "Primary", "Secondary"};

    private final boolean enums;
    private final DrbdVersions versions;
    private final Map<String, ResourceInfo> resources = new ConcurrentHashMap<>();

    public DrbdMetrics(boolean enums, DrbdVersions versions) {
        this.enums = enums;
        this.versions = versions == null ? DrbdVersions.UNKNOWN : versions;
    }

    /**
     * Takes over what one events2 line changed; call it on the event loop after
     * {@code state.apply(event)} for every line (statistics-only lines included). Cost: one map update,
     * or a full resynchronisation at {@code exists -} (which may destroy objects a restarted events2 no
     * longer reports).
     */
    public void onEvent(Event event, ClusterState state) {
        if (event instanceof Event.DumpComplete) {
            publish(state.resources());
        } else if (event instanceof Event.Rename r) {
            resources.remove(r.name());
            update(r.newName(), state.resource(r.newName()));
        } else {
            String name = resourceName(event);
            if (name != null) {
                update(name, state.resource(name));
            }
        }
    }

    /** Replaces every resource (e.g. with {@code ClusterState.resources()}); the values are immutable. */
    public void publish(Map<String, ResourceInfo> now) {
        resources.keySet().retainAll(now.keySet());
        resources.putAll(now);
    }

    private void update(String name, ResourceInfo r) {
        if (r == null) {
            resources.remove(name);
        } else {
            resources.put(name, r);
        }
    }

    private static String resourceName(Event e) {
        if (e instanceof Event.Resource r) return r.name();
        if (e instanceof Event.Device d) return d.name();
        if (e instanceof Event.Connection c) return c.name();
        if (e instanceof Event.PeerDevice p) return p.name();
        if (e instanceof Event.Path p) return p.name();
        return null;
    }

    /** What the next scrape renders, sorted by name. */
    Map<String, ResourceInfo> snapshot() {
        return new TreeMap<>(resources);
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, ResourceInfo> resources = snapshot();
        Families f = new Families();
        f.gauge("drbdreactor_up", "Boolean indicating whether or not drbdreactor is running. Always 1", 1);
        f.gauge("drbd_version", "Version of the loaded DRBD kernel module and DRBD utils", 1,
                "kmod", versions.kmod(), "utils", versions.utils());
        f.gauge("drbd_resource_resources", "Number of resources", resources.size());
        for (ResourceInfo r : resources.values()) {
            resource(f, r);
        }
        return f.build();
    }

    private void resource(Families f, ResourceInfo r) {
        String name = r.name();
        if (enums) {
            String role = (r.role() == null ? Role.UNKNOWN : r.role()).drbdName();
            for (String s : ROLES) {
                f.gauge("drbd_resource_role", "DRBD role of the resource", s.equals(role) ? 1 : 0,
                        "name", name, "drbd_resource_role", s);
            }
        }
        f.gauge("drbd_resource_suspended", "Boolean whether the resource is suspended", bit(r.isSuspended()),
                "name", name);
        f.gauge("drbd_resource_maypromote", "Boolean whether the resource may be promoted to Primary",
                bit(Boolean.TRUE.equals(r.mayPromote())), "name", name);
        f.gauge("drbd_resource_promotionscore", "The promotion score (higher is better) for the resource",
                r.promotionScore() == null ? 0 : r.promotionScore(), "name", name);
        f.gauge("drbd_resource_forceiofailures", "Boolean whether the resource is configured (could be "
                + "temporarily) to force IO failures (e.g., during secondary --force)",
                bit(r.forceIoFailures() == TriState.YES), "name", name);
        for (ConnectionInfo c : r.connections().values()) {
            connection(f, name, c);
        }
        for (DeviceInfo d : r.devices().values()) {
            device(f, name, d);
        }
    }

    private void connection(Families f, String res, ConnectionInfo c) {
        String conn = c.connName() == null ? "" : c.connName();
        String peer = Integer.toString(c.peerNodeId());
        if (enums) {
            ConnectionState cs = c.connection() == null ? ConnectionState.STAND_ALONE : c.connection();
            for (ConnectionState s : ConnectionState.values()) {
                f.gauge("drbd_connection_state", "DRBD connection state", s == cs ? 1 : 0, "name", res,
                        "conn_name", conn, "peer_node_id", peer, "drbd_connection_state", s.drbdName());
            }
        }
        for (PeerDeviceInfo pd : c.peerDevices().values()) {
            String vol = Integer.toString(pd.volume());
            Attrs st = pd.stats();
            f.gauge("drbd_peerdevice_outofsync_bytes", "Number of bytes currently out of sync with this peer, "
                    + "according to the bitmap that DRBD has for it", kib(st, "out-of-sync"),
                    "name", res, "conn_name", conn, "peer_node_id", peer, "volume", vol);
            f.untyped("drbd_peerdevice_sent_bytes", "Number of bytes currently sent to this peer", kib(st, "sent"),
                    "name", res, "conn_name", conn, "peer_node_id", peer, "volume", vol);
            f.untyped("drbd_peerdevice_received_bytes", "Number of bytes currently received from this peer",
                    kib(st, "received"), "name", res, "conn_name", conn, "peer_node_id", peer, "volume", vol);
        }
        Attrs st = c.stats();
        f.gauge("drbd_connection_congested", "Boolean whether the TCP send buffer of the data connection is "
                + "more than 80% filled", bit("yes".equals(st.get("congested"))),
                "name", res, "conn_name", conn, "peer_node_id", peer);
        f.gauge("drbd_connection_apinflight_bytes", "Number of application requests in flight (not completed)",
                count(st, "ap-in-flight") * 512, "name", res, "conn_name", conn, "peer_node_id", peer);
        f.gauge("drbd_connection_rsinflight_bytes", "Number of resync requests in flight",
                count(st, "rs-in-flight") * 512, "name", res, "conn_name", conn, "peer_node_id", peer);
    }

    private void device(Families f, String res, DeviceInfo d) {
        String vol = Integer.toString(d.volume());
        String minor = Integer.toString(d.minor() == null ? 0 : d.minor());
        DiskState disk = d.disk() == null ? DiskState.DUNKNOWN : d.disk();
        boolean client = d.client() == TriState.YES;
        if (enums) {
            for (DiskState s : DiskState.values()) {
                f.gauge("drbd_device_state", "DRBD device state", s == disk ? 1 : 0, "name", res, "volume", vol,
                        "minor", minor, "drbd_device_state", s.drbdName());
            }
        }
        Attrs st = d.stats();
        String[] l = {"name", res, "volume", vol, "minor", minor};
        f.gauge("drbd_device_client", "Boolean whether this device is a client (i.e., intentional diskless)",
                bit(client), l);
        f.gauge("drbd_device_unintentionaldiskless", "Boolean whether the devices is unintentional diskless",
                bit(!client && disk == DiskState.DISKLESS), l);
        f.gauge("drbd_device_quorum", "Boolean if this device has DRBD quorum", bit(Boolean.TRUE.equals(d.quorum())),
                l);
        f.gauge("drbd_device_open", "Boolean if this device is opened", bit(d.open() == TriState.YES), l);
        f.gauge("drbd_device_size_bytes", "Device size in bytes", kib(st, "size"), l);
        f.counter("drbd_device_read_bytes_total", "Net data read from local hard disk", kib(st, "read"), l);
        f.counter("drbd_device_written_bytes_total", "Net data written on local disk", kib(st, "written"), l);
        f.counter("drbd_device_alwrites_total", "Number of updates of the activity log area of the meta data",
                count(st, "al-writes"), l);
        f.counter("drbd_device_bmwrites_total", "Number of updates of the bitmap area of the meta data",
                count(st, "bm-writes"), l);
        f.gauge("drbd_device_upperpending", "Number of block I/O requests forwarded to DRBD, but not yet "
                + "answered by DRBD.", count(st, "upper-pending"), l);
        f.gauge("drbd_device_lowerpending", "Number of open requests to the local I/O sub-system issued by DRBD",
                count(st, "lower-pending"), l);
        f.gauge("drbd_device_alsuspended", "Boolean whether the Activity-Log is suspended",
                bit("yes".equals(st.get("al-suspended"))), l);
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }

    /** A KiB statistic in bytes. */
    private static double kib(Attrs st, String key) {
        return count(st, key) * 1024;
    }

    /** A non-negative integer statistic; absent or malformed reads as 0. */
    static double count(Attrs st, String key) {
        String v = st.get(key);
        if (v == null || v.isEmpty() || v.length() > 19) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') {
                return 0;
            }
            n = n * 10 + (ch - '0');
        }
        return n < 0 ? 0 : n;
    }
}
