package io.reactord.agent.umh;

import io.reactord.agent.core.AgentCore;
import io.reactord.config.UmhRule;
import io.reactord.events2.Action;
import io.reactord.events2.ConnectionInfo;
import io.reactord.events2.ConnectionState;
import io.reactord.events2.DeviceInfo;
import io.reactord.events2.DiskState;
import io.reactord.events2.Event;
import io.reactord.events2.PeerDeviceInfo;
import io.reactord.events2.ReplicationState;
import io.reactord.events2.ResourceInfo;
import io.reactord.events2.Role;
import io.reactord.events2.TriState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one events2 line plus the resource before and after it into the update drbd-reactor's umh plugin
 * would see: the object's old and new filterable state (fields never reported read as drbd-reactor's
 * defaults: role Unknown, disk DUnknown, replication Off, connection StandAlone, false, 0, ""), nothing
 * when that state did not change (a create, and the first line of an object, is always an update with the
 * defaults as its old state, also when its new fields equal them; a destroy of a known object too), nothing
 * for a destroy of an unknown object, and the {@code DRBD_*} environment.
 * Pure; runs on the event loop.
 */
public final class UmhEvents {
    private UmhEvents() {}

    /** The resource a line is about, or null for lines that are not about one object (dump end, unparsed, helper). */
    public static String resourceName(Event e) {
        return AgentCore.EventObserver.resourceName(e);
    }

    /** The update for {@code e}; {@code before}/{@code after} are the line's resource before and after it (null if absent). */
    public static Optional<UmhEvent> of(Event e, ResourceInfo before, ResourceInfo after) {
        if (e instanceof Event.Resource r) {
            return resource(r, before, after);
        }
        if (e instanceof Event.Device d) {
            return device(d, before, after);
        }
        if (e instanceof Event.Connection c) {
            return connection(c, before, after);
        }
        if (e instanceof Event.PeerDevice p) {
            return peerDevice(p, before, after);
        }
        return Optional.empty();
    }

    static String eventType(Action a) {
        switch (a) {
            case EXISTS: return "Exists";
            case CREATE: return "Create";
            case CHANGE: return "Change";
            case DESTROY: return "Destroy";
            default: return null;
        }
    }

    private static Optional<UmhEvent> resource(Event.Resource e, ResourceInfo before, ResourceInfo after) {
        boolean destroy = e.action() == Action.DESTROY;
        ResourceInfo o = e.action() == Action.CREATE ? null : before;
        Map<String, String> old = resourceState(o);
        Map<String, String> neu = resourceState(destroy ? null : after);
        if (invisible(destroy, before, o, old, neu)) {
            return Optional.empty();
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DRBD_RES_NAME", e.name());
        oldNew(env, "ROLE", old, neu, "role");
        oldNew(env, "MAY_PROMOTE", old, neu, "may-promote");
        return Optional.of(new UmhEvent(UmhRule.Kind.RESOURCE, eventType(e.action()), e.name(), null, null, old, neu,
                env));
    }

    private static Optional<UmhEvent> device(Event.Device e, ResourceInfo before, ResourceInfo after) {
        boolean destroy = e.action() == Action.DESTROY;
        DeviceInfo known = before == null ? null : before.devices().get(e.volume());
        DeviceInfo o = e.action() == Action.CREATE ? null : known;
        DeviceInfo n = destroy || after == null ? null : after.devices().get(e.volume());
        Map<String, String> old = deviceState(o);
        Map<String, String> neu = deviceState(n);
        if (invisible(destroy, known, o, old, neu)) {
            return Optional.empty();
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DRBD_RES_NAME", e.name());
        localDevice(env, after, e.volume());
        env.put("DRBD_VOLUME", Integer.toString(e.volume()));
        oldNew(env, "DISK_STATE", old, neu, "disk-state");
        oldNew(env, "CLIENT", old, neu, "client");
        oldNew(env, "QUORUM", old, neu, "quorum");
        oldNew(env, "OPEN", old, neu, "open");
        return Optional.of(new UmhEvent(UmhRule.Kind.DEVICE, eventType(e.action()), e.name(), e.volume(), null, old,
                neu, env));
    }

    private static Optional<UmhEvent> peerDevice(Event.PeerDevice e, ResourceInfo before, ResourceInfo after) {
        boolean destroy = e.action() == Action.DESTROY;
        PeerDeviceInfo known = peerDevice(before, e.peerNodeId(), e.volume());
        PeerDeviceInfo o = e.action() == Action.CREATE ? null : known;
        PeerDeviceInfo n = destroy ? null : peerDevice(after, e.peerNodeId(), e.volume());
        Map<String, String> old = peerDeviceState(o);
        Map<String, String> neu = peerDeviceState(n);
        if (invisible(destroy, known, o, old, neu)) {
            return Optional.empty();
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DRBD_RES_NAME", e.name());
        localDevice(env, after, e.volume());
        env.put("DRBD_VOLUME", Integer.toString(e.volume()));
        env.put("DRBD_PEER_NODE_ID", Integer.toString(e.peerNodeId()));
        oldNew(env, "PEER_REPLICATION_STATE", old, neu, "replication-state");
        oldNew(env, "PEER_DISK_STATE", old, neu, "peer-disk-state");
        oldNew(env, "PEER_CLIENT", old, neu, "peer-client");
        oldNew(env, "PEER_RESYNC_SUSPENDED", old, neu, "resync-suspended");
        return Optional.of(new UmhEvent(UmhRule.Kind.PEERDEVICE, eventType(e.action()), e.name(), e.volume(),
                e.peerNodeId(), old, neu, env));
    }

    private static Optional<UmhEvent> connection(Event.Connection e, ResourceInfo before, ResourceInfo after) {
        boolean destroy = e.action() == Action.DESTROY;
        ConnectionInfo known = before == null ? null : before.connections().get(e.peerNodeId());
        ConnectionInfo o = e.action() == Action.CREATE ? null : known;
        ConnectionInfo n = destroy || after == null ? null : after.connections().get(e.peerNodeId());
        Map<String, String> old = connectionState(o, "");
        Map<String, String> neu = connectionState(n, destroy && e.connName() != null ? e.connName() : "");
        if (invisible(destroy, known, o, old, neu)) {
            return Optional.empty();
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DRBD_RES_NAME", e.name());
        env.put("DRBD_PEER_NODE_ID", Integer.toString(e.peerNodeId()));
        env.put("DRBD_CSTATE", neu.get("connection-state"));
        oldNew(env, "CONN_NAME", old, neu, "conn-name");
        oldNew(env, "CONN_STATE", old, neu, "connection-state");
        oldNew(env, "PEER_ROLE", old, neu, "peer-role");
        oldNew(env, "CONGESTED", old, neu, "congested");
        return Optional.of(new UmhEvent(UmhRule.Kind.CONNECTION, eventType(e.action()), e.name(), null,
                e.peerNodeId(), old, neu, env));
    }

    /** DRBD_MINOR[_V] and DRBD_BACKING_DEV[_V] of the local volume, when the resource (still) has it. */
    private static void localDevice(Map<String, String> env, ResourceInfo after, int volume) {
        DeviceInfo d = after == null ? null : after.devices().get(volume);
        if (d == null) {
            return;
        }
        String minor = Integer.toString(d.minor() == null ? 0 : d.minor());
        String backing = d.backingDev() == null ? "none" : d.backingDev();
        env.put("DRBD_MINOR", minor);
        env.put("DRBD_MINOR_" + volume, minor);
        env.put("DRBD_BACKING_DEV", backing);
        env.put("DRBD_BACKING_DEV_" + volume, backing);
    }

    private static PeerDeviceInfo peerDevice(ResourceInfo r, int peer, int volume) {
        ConnectionInfo c = r == null ? null : r.connections().get(peer);
        return c == null ? null : c.peerDevices().get(volume);
    }

    static Map<String, String> resourceState(ResourceInfo r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("role", (r == null || r.role() == null ? Role.UNKNOWN : r.role()).drbdName());
        m.put("may-promote", Boolean.toString(r != null && Boolean.TRUE.equals(r.mayPromote())));
        m.put("promotion-score", Integer.toString(r == null || r.promotionScore() == null ? 0 : r.promotionScore()));
        return m;
    }

    static Map<String, String> deviceState(DeviceInfo d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("disk-state", (d == null || d.disk() == null ? DiskState.DUNKNOWN : d.disk()).drbdName());
        m.put("client", Boolean.toString(d != null && d.client() == TriState.YES));
        m.put("quorum", Boolean.toString(d != null && Boolean.TRUE.equals(d.quorum())));
        m.put("size", d == null ? "0" : number(d.stats().get("size")));
        m.put("open", Boolean.toString(d != null && d.open() == TriState.YES));
        return m;
    }

    static Map<String, String> peerDeviceState(PeerDeviceInfo p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("replication-state", (p == null || p.replication() == null ? ReplicationState.OFF : p.replication())
                .drbdName());
        m.put("peer-disk-state", (p == null || p.peerDisk() == null ? DiskState.DUNKNOWN : p.peerDisk()).drbdName());
        m.put("peer-client", Boolean.toString(p != null && p.peerClient() == TriState.YES));
        m.put("resync-suspended", Boolean.toString(p != null && p.resyncSuspended() != null
                && !p.resyncSuspended().isEmpty()));
        return m;
    }

    static Map<String, String> connectionState(ConnectionInfo c, String nameIfAbsent) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("conn-name", c == null ? nameIfAbsent : c.connName() == null ? "" : c.connName());
        m.put("connection-state", (c == null || c.connection() == null ? ConnectionState.STAND_ALONE
                : c.connection()).drbdName());
        m.put("peer-role", (c == null || c.peerRole() == null ? Role.UNKNOWN : c.peerRole()).drbdName());
        m.put("congested", Boolean.toString(c != null && "yes".equals(c.stats().get("congested"))));
        return m;
    }

    /** A decimal statistic in canonical form ("0" when absent or not a number). */
    private static String number(String v) {
        if (v == null || v.isEmpty() || v.length() > 18) {
            return "0";
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return "0";
            }
        }
        return Long.toString(Long.parseLong(v));
    }

    /** {@code DRBD_OLD_<suffix>} and {@code DRBD_NEW_<suffix>} from one state key of the old and new states. */
    private static void oldNew(Map<String, String> env, String suffix, Map<String, String> old,
            Map<String, String> neu, String key) {
        env.put("DRBD_OLD_" + suffix, old.get(key));
        env.put("DRBD_NEW_" + suffix, neu.get(key));
    }

    /**
     * True when a rule cannot see the event: the destroy of an object never seen ({@code known} null), or an
     * exists/change of a known object that leaves the state a rule filters on as it was. A create, and an
     * exists of an object not seen before ({@code oldObject} null), is always seen, with the absent object's
     * defaults as its old state, whatever its new fields hold.
     */
    private static boolean invisible(boolean destroy, Object known, Object oldObject, Map<String, String> old,
            Map<String, String> neu) {
        return destroy ? known == null : oldObject != null && old.equals(neu);
    }
}
