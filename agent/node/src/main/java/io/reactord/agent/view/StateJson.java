package io.reactord.agent.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reactord.events2.ConnectionInfo;
import io.reactord.events2.DeviceInfo;
import io.reactord.events2.PeerDeviceInfo;
import io.reactord.events2.ResourceInfo;
import io.reactord.events2.TriState;
import java.util.Collection;

/**
 * Renders cluster state as JSON shaped like {@code drbdsetup status --json}. A field whose value was never
 * seen in the stream is omitted (so is a tri-state that is {@code unknown}); booleans are JSON booleans.
 */
public final class StateJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StateJson() {}

    /** One array element per resource, in the order given. */
    public static ArrayNode resources(Collection<ResourceInfo> resources) {
        ArrayNode a = F.arrayNode();
        for (ResourceInfo r : resources) {
            a.add(resource(r));
        }
        return a;
    }

    public static ObjectNode resource(ResourceInfo r) {
        ObjectNode o = F.objectNode();
        o.put("name", r.name());
        if (r.role() != null) {
            o.put("role", r.role().drbdName());
        }
        if (r.suspended() != null) {
            o.put("suspended", r.isSuspended());
        }
        if (r.forceIoFailures() != null && r.forceIoFailures() != TriState.UNKNOWN) {
            o.put("force-io-failures", r.forceIoFailures().isYes());
        }
        if (r.mayPromote() != null) {
            o.put("may_promote", r.mayPromote());
        }
        if (r.promotionScore() != null) {
            o.put("promotion_score", r.promotionScore());
        }
        ArrayNode devices = o.putArray("devices");
        for (DeviceInfo d : r.devices().values()) {
            devices.add(device(d));
        }
        ArrayNode conns = o.putArray("connections");
        for (ConnectionInfo c : r.connections().values()) {
            conns.add(connection(c));
        }
        return o;
    }

    private static ObjectNode device(DeviceInfo d) {
        ObjectNode o = F.objectNode();
        o.put("volume", d.volume());
        if (d.minor() != null) {
            o.put("minor", d.minor());
        }
        if (d.disk() != null) {
            o.put("disk-state", d.disk().drbdName());
        }
        bool(o, "client", d.client());
        if (d.quorum() != null) {
            o.put("quorum", d.quorum());
        }
        bool(o, "open", d.open());
        return o;
    }

    private static ObjectNode connection(ConnectionInfo c) {
        ObjectNode o = F.objectNode();
        o.put("peer-node-id", c.peerNodeId());
        if (c.connName() != null) {
            o.put("name", c.connName());
        }
        if (c.connection() != null) {
            o.put("connection-state", c.connection().drbdName());
        }
        if (c.peerRole() != null) {
            o.put("peer-role", c.peerRole().drbdName());
        }
        ArrayNode pds = o.putArray("peer_devices");
        for (PeerDeviceInfo pd : c.peerDevices().values()) {
            ObjectNode p = F.objectNode();
            p.put("volume", pd.volume());
            if (pd.replication() != null) {
                p.put("replication-state", pd.replication().drbdName());
            }
            if (pd.peerDisk() != null) {
                p.put("peer-disk-state", pd.peerDisk().drbdName());
            }
            bool(p, "peer-client", pd.peerClient());
            pds.add(p);
        }
        return o;
    }

    private static void bool(ObjectNode o, String key, TriState t) {
        if (t != null && t != TriState.UNKNOWN) {
            o.put(key, t.isYes());
        }
    }
}
