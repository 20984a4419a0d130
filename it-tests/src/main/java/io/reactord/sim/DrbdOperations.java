package io.reactord.sim;

import java.util.List;

/**
 * The operations a node's tools perform on the simulated DRBD: promotion with DRBD's refusals, demotion,
 * acknowledged replicated writes and reads. Package-private; called under the cluster's lock.
 */
final class DrbdOperations {

    private final SimCluster c;
    private final DrbdRules rules;
    private final QuorumRules quorum;

    DrbdOperations(SimCluster cluster, DrbdRules rules, QuorumRules quorum) {
        this.c = cluster;
        this.rules = rules;
        this.quorum = quorum;
    }

    ToolResult promote(String node, NodeResource x, boolean force) {
        String r = x.spec.name();
        if (x.role == Role.PRIMARY) {
            return ToolResult.ok();
        }
        rules.flushDetections(node);
        c.afterChange();
        if (x.forceIoFailures) {
            return ToolResult.stateChangeFailed(r, -12, "Device is held open by someone");
        }
        for (String n : quorum.component(x)) {
            if (!n.equals(node) && c.nodeResource(n, r).role == Role.PRIMARY) {
                return ToolResult.stateChangeFailed(r, -1, "Multiple primaries not allowed by config");
            }
        }
        if (!force && !upToDateAccess(x)) {
            return ToolResult.stateChangeFailed(r, -2, "Need access to UpToDate data");
        }
        if (!x.hasQuorumAll()) {
            return ToolResult.stateChangeFailed(r, -25, "No quorum");
        }
        if (force) {
            for (int v = 0; v < x.disk.length; v++) {
                if (x.disk[v].hasDisk()) {
                    x.disk[v] = DiskState.UP_TO_DATE;
                }
            }
        }
        x.role = Role.PRIMARY;
        c.afterChange();
        return ToolResult.ok();
    }

    private boolean upToDateAccess(NodeResource x) {
        for (int v = 0; v < x.disk.length; v++) {
            if (x.disk[v] == DiskState.UP_TO_DATE) {
                continue;
            }
            if (x.disk[v].hasDisk()) {
                return false;
            }
            boolean peer = false;
            for (PeerLink l : x.peers.values()) {
                peer |= l.connected() && c.nodeResource(l.peer, x.spec.name()).disk[v] == DiskState.UP_TO_DATE;
            }
            if (!peer) {
                return false;
            }
        }
        return true;
    }

    ToolResult demote(NodeResource x, boolean force) {
        if (x.role != Role.PRIMARY) {
            return ToolResult.ok();
        }
        ToolResult refused = c.localFaults().demoteRefusal(x);
        if (refused != null) {
            return refused;
        }
        if (!force && x.openCount > 0) {
            return ToolResult.stateChangeFailed(x.spec.name(), -12, "Device is held open by someone");
        }
        x.role = Role.SECONDARY;
        if (x.openCount > 0) {
            x.forceIoFailures = true;
        }
        for (NodeResource n : c.nodeResources(x.spec.name())) {
            for (PeerLink side : n.peers.values()) {
                if (side.conn == ConnState.STANDALONE && DrbdRules.REFUSED_PRIMARY.equals(side.refusal)) {
                    side.conn = ConnState.CONNECTING;
                    side.refusal = null;
                }
            }
        }
        c.afterChange();
        return ToolResult.ok();
    }

    ToolResult write(String node, NodeResource x, long seq) {
        rules.flushDetections(node);
        c.afterChange();
        String dev = "/dev/drbd" + x.spec.firstMinor();
        if (x.role != Role.PRIMARY) {
            return new ToolResult(5, "", dev + ": not Primary: write refused\n");
        }
        if (x.forceIoFailures) {
            return new ToolResult(5, "", dev + ": I/O error (force-io-failures)\n");
        }
        if (!x.hasQuorumAll()) {
            return x.suspendedQuorum ? new ToolResult(6, "", dev + ": I/O suspended (no quorum), not acknowledged\n")
                    : new ToolResult(5, "", dev + ": I/O error (no quorum)\n");
        }
        if (!upToDateAccess(x)) {
            return new ToolResult(5, "", dev + ": I/O error (no access to UpToDate data)\n");
        }
        List<Long> generation = List.copyOf(readSource(x));
        if (x.disk[0] == DiskState.UP_TO_DATE) {
            x.data.add(seq);
        }
        x.writtenKiB += 4;
        for (PeerLink l : x.peers.values()) {
            NodeResource p = c.nodeResource(l.peer, x.spec.name());
            // protocol C: every connected disk that holds this data generation gets the write, a sync target too
            if (l.connected() && !p.client && p.disk[0].hasDisk() && p.data.equals(generation)) {
                p.data.add(seq);
                p.writtenKiB += 4;
                l.sent[0] += 4;
                p.peers.get(node).received[0] += 4;
            }
        }
        c.afterChange();
        return ToolResult.ok("ack " + seq + "\n");
    }

    /** The data this node's device serves: its UpToDate disk, else a connected UpToDate peer's; null if none. */
    private List<Long> readSource(NodeResource x) {
        if (x.disk[0] == DiskState.UP_TO_DATE) {
            return x.data;
        }
        for (PeerLink l : x.peers.values()) {
            NodeResource p = c.nodeResource(l.peer, x.spec.name());
            if (l.connected() && p.disk[0] == DiskState.UP_TO_DATE) {
                return p.data;
            }
        }
        return null;
    }

    ToolResult read(NodeResource x) {
        List<Long> src = readSource(x);
        if (src == null) {
            return new ToolResult(5, "", "/dev/drbd" + x.spec.firstMinor() + ": I/O error (no access to UpToDate data)\n");
        }
        StringBuilder sb = new StringBuilder();
        for (long s : src) {
            sb.append(s).append('\n');
        }
        x.readKiB += 4L * src.size();
        return ToolResult.ok(sb.toString());
    }
}