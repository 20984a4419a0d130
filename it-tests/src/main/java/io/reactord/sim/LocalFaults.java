package io.reactord.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Faults and administrative changes local to one node's resource, beyond crashes and cuts: a demotion that
 * fails even forced (a hung opener), a handshake that fails at every attempt (a Connecting storm), a connection
 * put StandAlone ({@code drbdadm disconnect}), the resource torn down and created again ({@code drbdadm
 * down/up RES} on one node), and a local rename ({@code drbdsetup rename-resource}). Package-private; called
 * under the cluster's lock by {@link SimCluster}.
 */
final class LocalFaults {
    /** Why a connection is StandAlone after {@code drbdadm disconnect}. */
    static final String DISCONNECTED = "disconnected by the administrator";

    private final SimCluster c;
    private final DrbdRules rules;
    private final Set<String> demoteFails = new HashSet<>();
    private final Set<String> handshakeFails = new HashSet<>();
    private final Set<String> down = new HashSet<>();
    /** node|resource → the name the node's DRBD uses for it now (absent: the configured name) */
    private final Map<String, String> names = new HashMap<>();

    LocalFaults(SimCluster cluster, DrbdRules rules) {
        this.c = cluster;
        this.rules = rules;
    }

    private static String key(String node, String res) {
        return node + "|" + res;
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    // ------------------------------------------------------------------ demotion

    void failDemote(String node, String res, boolean on) {
        if (on) {
            demoteFails.add(key(node, res));
        } else {
            demoteFails.remove(key(node, res));
        }
    }

    /** The refusal of a demotion of {@code x} ({@code secondary} and {@code secondary --force}), or null. */
    ToolResult demoteRefusal(NodeResource x) {
        if (!demoteFails.contains(key(x.node, x.spec.name()))) {
            return null;
        }
        return ToolResult.stateChangeFailed(x.spec.name(), -12, "Device is held open by someone");
    }

    // ------------------------------------------------------------------ connections

    /** Every handshake between a and b fails while on; an established connection is dropped at once. */
    void failHandshakes(String a, String b, boolean on) {
        if (!on) {
            handshakeFails.remove(pair(a, b));
            return;
        }
        handshakeFails.add(pair(a, b));
        for (String r : c.allResources()) {
            NodeResource na = c.nodeResource(a, r);
            NodeResource nb = c.nodeResource(b, r);
            rules.lose(na, nb, ConnState.PROTOCOL_ERROR);
            rules.lose(nb, na, ConnState.PROTOCOL_ERROR);
        }
    }

    boolean handshakeFails(String a, String b) {
        return handshakeFails.contains(pair(a, b));
    }

    /**
     * A failed handshake: both sides show {@code ProtocolError}, then Unconnected, then Connecting again, and the
     * next attempt comes after the connect delay (the storm).
     */
    void handshakeFailed(PeerLink ab, PeerLink ba, NodeResource na, NodeResource nb) {
        for (Object[] side : List.of(new Object[] {na, ab}, new Object[] {nb, ba})) {
            NodeResource x = (NodeResource) side[0];
            PeerLink l = (PeerLink) side[1];
            l.conn = ConnState.PROTOCOL_ERROR;
            long step = c.timing.teardownStepMs();
            c.schedule(null, step, () -> {
                if (c.up(x.node) && l.conn == ConnState.PROTOCOL_ERROR) {
                    l.conn = ConnState.UNCONNECTED;
                }
            });
            c.schedule(null, 2 * step, () -> {
                if (c.up(x.node) && l.conn == ConnState.UNCONNECTED) {
                    l.conn = ConnState.CONNECTING;
                }
            });
        }
    }

    /** {@code drbdadm disconnect RES:PEER} on node (on) or {@code drbdadm connect RES:PEER} (off), every resource. */
    void standAlone(String node, String peer, boolean on) {
        for (String r : c.allResources()) {
            if (down.contains(key(node, r))) {
                continue;
            }
            NodeResource x = c.nodeResource(node, r);
            NodeResource p = c.nodeResource(peer, r);
            PeerLink l = x.peers.get(peer);
            if (on) {
                rules.lose(x, p, ConnState.NETWORK_FAILURE);
                rules.lose(p, x, ConnState.NETWORK_FAILURE);
                l.conn = ConnState.STANDALONE;
                l.refusal = DISCONNECTED;
            } else if (l.conn == ConnState.STANDALONE && DISCONNECTED.equals(l.refusal)) {
                l.conn = ConnState.CONNECTING;
                l.refusal = null;
            }
        }
    }

    // ------------------------------------------------------------------ resource lifecycle

    boolean isDown(String node, String res) {
        return down.contains(key(node, res));
    }

    /** {@code drbdadm down RES} on one node: refused on a Primary; peers see it leave gracefully. */
    ToolResult destroy(String node, String res) {
        NodeResource x = c.nodeResource(node, res);
        if (isDown(node, res)) {
            return ToolResult.ok();
        }
        if (x.role == Role.PRIMARY) {
            return ToolResult.stateChangeFailed(res, -12, "Device is held open by someone");
        }
        rules.gracefulLeave(node, res);
        down.add(key(node, res));
        return ToolResult.ok();
    }

    /** {@code drbdadm up RES} on one node: back as after a boot (Secondary, disks from metadata, Connecting). */
    void create(String node, String res) {
        if (down.remove(key(node, res))) {
            rules.boot(node, res);
        }
    }

    /** {@code drbdsetup rename-resource FROM TO} on one node: events2 there names the resource TO from now on. */
    void rename(String node, String from, String to) {
        for (String r : c.allResources()) {
            if (shownName(node, r).equals(from)) {
                if (r.equals(to)) {
                    names.remove(key(node, r));
                } else {
                    names.put(key(node, r), to);
                }
                return;
            }
        }
        throw new IllegalArgumentException(node + ": no resource named " + from);
    }

    /** The name the node's DRBD shows for configured resource {@code res}. */
    String shownName(String node, String res) {
        return names.getOrDefault(key(node, res), res);
    }

    /** A booted node: its resources are up again under their configured names, its demotions work again. */
    void boot(String node) {
        down.removeIf(k -> k.startsWith(node + "|"));
        names.keySet().removeIf(k -> k.startsWith(node + "|"));
        demoteFails.removeIf(k -> k.startsWith(node + "|"));
    }
}
