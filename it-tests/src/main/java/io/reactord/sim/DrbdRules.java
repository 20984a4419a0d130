package io.reactord.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * DRBD's state rules applied to a {@link SimCluster}: connection loss and establishment (handshake), resync,
 * the unclean-loss re-confirmation, boot, graceful leave and detach, settled together with the quorum rules
 * ({@link QuorumRules}). Package-private; every call happens under the cluster's lock.
 */
final class DrbdRules {

    /** How two nodes' data relate. */
    enum Relation { EQUAL, FIRST_NEWER, SECOND_NEWER, DIVERGED }

    /** Why a connection is StandAlone until a Primary involved is demoted. */
    static final String REFUSED_PRIMARY = "Primary cannot connect (peer Primary or newer data)";

    private final SimCluster c;
    private final QuorumRules quorum;

    DrbdRules(SimCluster cluster, QuorumRules quorum) {
        this.c = cluster;
        this.quorum = quorum;
    }

    static Relation compare(List<Long> a, List<Long> b) {
        int n = Math.min(a.size(), b.size());
        if (!a.subList(0, n).equals(b.subList(0, n))) {
            return Relation.DIVERGED;
        }
        return a.size() == b.size() ? Relation.EQUAL : a.size() > b.size() ? Relation.FIRST_NEWER : Relation.SECOND_NEWER;
    }

    // ------------------------------------------------------------------ derived state

    /** Quorum, resync starts and sync-free UpToDate promotion, repeated until nothing moves. */
    void settleState() {
        for (int i = 0; i < 4; i++) {
            boolean moved = quorum.recomputeQuorum(true);
            for (String r : c.allResources()) {
                moved |= resolveConnected(r);
            }
            if (!moved) {
                return;
            }
        }
    }

    /** Connected pairs: start resyncs toward older data, lift equal Outdated/Consistent disks to UpToDate. */
    private boolean resolveConnected(String r) {
        boolean moved = false;
        List<NodeResource> members = new ArrayList<>(c.nodeResources(r));
        for (NodeResource a : members) {
            for (NodeResource b : members) {
                if (a.node.compareTo(b.node) >= 0 || !c.up(a.node) || !c.up(b.node) || a.client || b.client) {
                    continue;
                }
                PeerLink ab = a.peers.get(b.node);
                if (!ab.connected() || syncing(ab)) {
                    continue;
                }
                moved |= reconcile(a, b, false);
            }
        }
        return moved;
    }

    private static boolean syncing(PeerLink l) {
        for (ReplState s : l.repl) {
            if (s == ReplState.SYNC_SOURCE || s == ReplState.SYNC_TARGET) {
                return true;
            }
        }
        return false;
    }

    /** Data/disk reconciliation of a connected diskful pair; returns whether anything changed. */
    private boolean reconcile(NodeResource a, NodeResource b, boolean handshake) {
        boolean moved = false;
        Relation rel = compare(a.data, b.data);
        for (int v = 0; v < a.disk.length; v++) {
            DiskState da = a.disk[v], db = b.disk[v];
            if (!da.hasDisk() || !db.hasDisk()) {
                continue;
            }
            if (rel == Relation.FIRST_NEWER && da != DiskState.INCONSISTENT && !b.syncTarget()) {
                startResync(a, b, v);
                moved = true;
            } else if (rel == Relation.SECOND_NEWER && db != DiskState.INCONSISTENT && !a.syncTarget()) {
                startResync(b, a, v);
                moved = true;
            } else if (rel == Relation.FIRST_NEWER || rel == Relation.SECOND_NEWER) {
                moved |= outdateStale(rel == Relation.FIRST_NEWER ? b : a, v);
            } else if (rel == Relation.EQUAL) {
                if (da == DiskState.UP_TO_DATE && db != DiskState.UP_TO_DATE) {
                    moved |= liftOrSync(a, b, v, handshake);
                } else if (db == DiskState.UP_TO_DATE && da != DiskState.UP_TO_DATE) {
                    moved |= liftOrSync(b, a, v, handshake);
                }
            }
        }
        return moved;
    }

    /**
     * The peer holds a newer data generation but cannot be a sync source (it is Inconsistent itself: a sync target
     * that took over the generation of its source): a Secondary with older data learns from the handshake's UUIDs
     * that its data are stale and goes Outdated, so it can neither promote nor re-confirm to UpToDate; it waits for a
     * node with the newer data in a consistent state.
     */
    private static boolean outdateStale(NodeResource older, int v) {
        DiskState d = older.disk[v];
        if (older.role == Role.PRIMARY || d != DiskState.UP_TO_DATE && d != DiskState.CONSISTENT) {
            return false;
        }
        older.disk[v] = DiskState.OUTDATED;
        return true;
    }

    /**
     * Equal data next to an UpToDate peer: Inconsistent syncs, Outdated becomes UpToDate at once; Consistent waits
     * for re-confirmation unless this is the handshake ({@code handshake}), where it is decided at once.
     */
    private boolean liftOrSync(NodeResource good, NodeResource other, int v, boolean handshake) {
        if (other.disk[v] == DiskState.INCONSISTENT) {
            startResync(good, other, v);
            return true;
        }
        if (other.disk[v] == DiskState.OUTDATED || handshake) {
            other.disk[v] = DiskState.UP_TO_DATE;
            return true;
        }
        return false;
    }

    void startResync(NodeResource source, NodeResource target, int v) {
        PeerLink st = source.peers.get(target.node);
        PeerLink ts = target.peers.get(source.node);
        String r = source.spec.name();
        int minor = source.spec.firstMinor() + v;
        String ctx = "name:" + r + " peer-node-id:" + c.nodeId(source.node) + " conn-name:" + source.node
                + " volume:" + v + " minor:" + minor;
        c.helper(target.node, r, "call helper " + ctx + " helper:before-resync-target");
        c.helper(target.node, r, "response helper " + ctx + " helper:before-resync-target status:0");
        target.disk[v] = DiskState.INCONSISTENT;
        // the target takes over the source's data generation (its UUIDs) at once and receives the application
        // writes from here on; only its blocks are incomplete until the resync ends
        long kib = 4L * Math.max(0, source.data.size() - target.data.size());
        target.data = new ArrayList<>(source.data);
        st.repl[v] = ReplState.SYNC_SOURCE;
        ts.repl[v] = ReplState.SYNC_TARGET;
        st.done[v] = 0;
        ts.done[v] = 0;
        long token = Math.max(st.syncToken, ts.syncToken) + 1; // above every earlier token of either side
        st.syncToken = token;
        ts.syncToken = token;
        // one completion per resync: a key shared with an aborted resync's pending timer would drop this one
        c.schedule("resync|" + r + "|" + source.node + "|" + target.node + "|" + v + "|" + token, c.timing.resyncMs(),
                () -> {
            if (!c.up(source.node) || !c.up(target.node) || !st.connected() || !ts.connected()
                    || st.syncToken != token || ts.syncToken != token) {
                return;
            }
            if (compare(target.data, source.data) != Relation.FIRST_NEWER) {
                target.data = new ArrayList<>(source.data); // else it also got writes the source did not see
            }
            target.disk[v] = source.disk[v] == DiskState.UP_TO_DATE ? DiskState.UP_TO_DATE : source.disk[v];
            st.repl[v] = ReplState.ESTABLISHED;
            ts.repl[v] = ReplState.ESTABLISHED;
            st.done[v] = -1;
            ts.done[v] = -1;
            st.sent[v] += kib;
            ts.received[v] += kib;
            c.helper(target.node, r, "call helper " + ctx + " helper:after-resync-target");
            c.helper(target.node, r, "response helper " + ctx + " helper:after-resync-target status:0");
        });
    }

    // ------------------------------------------------------------------ timed work

    /** Schedules detections of dead links, connects of working ones, and re-confirmations. */
    void scheduleTimedWork() {
        for (String r : c.allResources()) {
            for (NodeResource a : c.nodeResources(r)) {
                if (!c.up(a.node)) {
                    continue;
                }
                for (PeerLink l : a.peers.values()) {
                    String b = l.peer;
                    String pair = r + "|" + (a.node.compareTo(b) < 0 ? a.node + "|" + b : b + "|" + a.node);
                    if (l.connected() && !c.linkWorks(a.node, b)) {
                        long delay = c.up(b) ? c.timing.detectPartitionMs() : c.timing.detectCrashMs();
                        c.schedule("detect|" + pair, delay, () -> detect(r, a.node, b));
                    } else if (l.conn == ConnState.CONNECTING && c.linkWorks(a.node, b)
                            && c.nodeResource(b, r).peers.get(a.node).conn == ConnState.CONNECTING) {
                        c.schedule("connect|" + pair, c.timing.connectMs(), () -> connect(r, a.node, b));
                    }
                }
                scheduleReconfirm(a);
            }
        }
    }

    private void scheduleReconfirm(NodeResource x) {
        boolean consistent = false;
        for (DiskState d : x.disk) {
            consistent |= d == DiskState.CONSISTENT;
        }
        if (consistent && x.hasQuorumAll() && !newerPeerConnected(x)) {
            c.schedule("reconfirm|" + x.spec.name() + "|" + x.node, c.timing.reconfirmMs(), () -> {
                if (c.up(x.node) && x.hasQuorumAll() && !newerPeerConnected(x)) {
                    for (int v = 0; v < x.disk.length; v++) {
                        if (x.disk[v] == DiskState.CONSISTENT) {
                            x.disk[v] = DiskState.UP_TO_DATE;
                        }
                    }
                }
            });
        }
    }

    private boolean newerPeerConnected(NodeResource x) {
        for (PeerLink l : x.peers.values()) {
            NodeResource p = c.nodeResource(l.peer, x.spec.name());
            Relation rel = l.connected() && !p.client && p.anyDisk() ? compare(p.data, x.data) : Relation.EQUAL;
            if (rel == Relation.FIRST_NEWER || rel == Relation.DIVERGED) {
                return true;
            }
        }
        return false;
    }

    /** Re-evaluates after a link or node changed (timers are scheduled by the following afterChange). */
    void linksChanged() {
        // connections follow through scheduleTimedWork: detection of dead links, connection of working ones
    }

    /** Runs pending failure detections that involve {@code node} now (a request over a dead link times out). */
    void flushDetections(String node) {
        for (String key : c.pendingKeys()) {
            if (key.startsWith("detect|")) {
                String[] p = key.split("\\|");
                if (p[2].equals(node) || p[3].equals(node)) {
                    c.fireNow(key);
                }
            }
        }
    }

    /** The link between a and b for resource r is gone: the failure sequence on every side that is up. */
    private void detect(String r, String a, String b) {
        if (c.linkWorks(a, b)) {
            return;
        }
        NodeResource na = c.nodeResource(a, r);
        NodeResource nb = c.nodeResource(b, r);
        lose(na, nb, ConnState.NETWORK_FAILURE);
        lose(nb, na, ConnState.NETWORK_FAILURE);
    }

    /** One side x loses its connection to peer p: failure state now, then Unconnected, then Connecting. */
    void lose(NodeResource x, NodeResource p, ConnState failure) {
        PeerLink l = x.peers.get(p.node);
        if (!c.up(x.node) || !l.connected()) {
            return;
        }
        boolean peerWasPrimary = p.role == Role.PRIMARY;
        boolean peerOutdated = !p.client && !p.anyDisk() || p.allDisks(DiskState.OUTDATED)
                || p.allDisks(DiskState.INCONSISTENT);
        l.conn = failure;
        for (int v = 0; v < l.repl.length; v++) {
            l.repl[v] = ReplState.OFF;
            l.done[v] = -1;
        }
        l.syncToken++;
        if (peerOutdated && !p.client) {
            x.knownOutdated.add(p.node);
        }
        if (peerWasPrimary && failure != ConnState.TEAR_DOWN && x.role == Role.SECONDARY) {
            for (int v = 0; v < x.disk.length; v++) {
                if (x.disk[v] == DiskState.UP_TO_DATE) {
                    x.disk[v] = DiskState.CONSISTENT;
                }
            }
        }
        String r = x.spec.name();
        String ctx = "name:" + r + " peer-node-id:" + c.nodeId(p.node) + " conn-name:" + p.node;
        c.helper(x.node, r, "call helper " + ctx + " helper:disconnected");
        c.helper(x.node, r, "response helper " + ctx + " helper:disconnected status:0");
        long step = c.timing.teardownStepMs();
        c.schedule(null, step, () -> {
            if (c.up(x.node) && l.conn == failure) {
                l.conn = ConnState.UNCONNECTED;
            }
        });
        c.schedule(null, 2 * step, () -> {
            if (c.up(x.node) && l.conn == ConnState.UNCONNECTED) {
                l.conn = ConnState.CONNECTING;
            }
        });
    }

    /** Both sides are Connecting over a working link: the DRBD handshake. */
    private void connect(String r, String a, String b) {
        NodeResource na = c.nodeResource(a, r);
        NodeResource nb = c.nodeResource(b, r);
        PeerLink ab = na.peers.get(b);
        PeerLink ba = nb.peers.get(a);
        if (!c.linkWorks(a, b) || ab.conn != ConnState.CONNECTING || ba.conn != ConnState.CONNECTING) {
            return;
        }
        if (c.localFaults().handshakeFails(a, b)) {
            c.localFaults().handshakeFailed(ab, ba, na, nb);
            return;
        }
        NodeResource older = null;
        if (!na.client && !nb.client && na.anyDisk() && nb.anyDisk()) {
            Relation rel = compare(na.data, nb.data);
            if (rel == Relation.DIVERGED) {
                c.splitBrains.add(new SimCluster.SplitBrain(r, a, b, c.now()));
                splitBrain(na, nb, ab);
                splitBrain(nb, na, ba);
                return;
            }
            older = rel == Relation.FIRST_NEWER ? nb : rel == Relation.SECOND_NEWER ? na : null;
            if (older != null && older.role == Role.PRIMARY && older.suspendedQuorum
                    && older.spec.options().onSuspendedPrimaryOutdated()
                    == ResourceOptions.OnSuspendedPrimaryOutdated.FORCE_SECONDARY) {
                // a frozen Primary learns it is outdated: it demotes at once and fails the frozen I/O
                older.role = Role.SECONDARY;
                older.suspendedQuorum = false;
                older.forceIoFailures = older.openCount > 0;
                for (int v = 0; v < older.disk.length; v++) {
                    if (older.disk[v].hasDisk()) {
                        older.disk[v] = DiskState.OUTDATED;
                    }
                }
            }
        }
        String pa = primaryIn(na);
        String pb = primaryIn(nb);
        if (pa != null && pb != null && !pa.equals(pb) || older != null && older.role == Role.PRIMARY) {
            // joining two partitions that each have a Primary, or a Primary with outdated data: the
            // cluster-wide handshake fails (no allow-two-primaries); retried after any demotion
            for (PeerLink l : List.of(ab, ba)) {
                l.conn = ConnState.STANDALONE;
                l.refusal = REFUSED_PRIMARY;
            }
            return;
        }
        for (PeerLink l : List.of(ab, ba)) {
            l.conn = ConnState.CONNECTED;
            l.refusal = null;
            java.util.Arrays.fill(l.repl, ReplState.ESTABLISHED);
            java.util.Arrays.fill(l.done, -1);
        }
        na.knownOutdated.remove(b);
        nb.knownOutdated.remove(a);
        if (!na.client && !nb.client) {
            reconcile(na, nb, true);
        }
    }

    /** A Primary among the nodes connected with x (x included), or null. */
    private String primaryIn(NodeResource x) {
        for (String n : quorum.component(x)) {
            if (c.nodeResource(n, x.spec.name()).role == Role.PRIMARY) {
                return n;
            }
        }
        return null;
    }

    private void splitBrain(NodeResource x, NodeResource p, PeerLink l) {
        l.conn = ConnState.STANDALONE;
        l.refusal = "split-brain";
        String r = x.spec.name();
        for (int v = 0; v < x.disk.length; v++) {
            String ctx = "name:" + r + " peer-node-id:" + c.nodeId(p.node) + " conn-name:" + p.node + " volume:" + v
                    + " minor:" + (x.spec.firstMinor() + v);
            c.helper(x.node, r, "call helper " + ctx + " helper:split-brain");
            c.helper(x.node, r, "response helper " + ctx + " helper:split-brain status:0");
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** A (re)booted node: Secondary, disks from what its metadata would say, every connection Connecting. */
    void boot(String node) {
        for (String r : c.allResources()) {
            boot(node, r);
        }
    }

    /** One resource of a node comes up ({@code drbdadm up}): as in {@link #boot(String)}. */
    void boot(String node, String r) {
        NodeResource x = c.nodeResource(node, r);
        x.role = Role.SECONDARY;
        x.suspendedQuorum = false;
        x.forceIoFailures = false;
        x.openCount = 0;
        x.reconfirmPending = false;
        for (int v = 0; v < x.disk.length; v++) {
            x.quorum[v] = false;
            x.disk[v] = x.client ? DiskState.DISKLESS : switch (x.disk[v]) {
                case UP_TO_DATE, CONSISTENT -> DiskState.CONSISTENT;
                case INCONSISTENT -> DiskState.INCONSISTENT;
                default -> DiskState.OUTDATED; // detached or failed before: attached again, stale
            };
        }
        for (PeerLink l : x.peers.values()) {
            l.conn = ConnState.CONNECTING;
            l.refusal = null;
            java.util.Arrays.fill(l.repl, ReplState.OFF);
            java.util.Arrays.fill(l.done, -1);
            l.syncToken++;
        }
    }

    /**
     * {@code drbdadm down}: a node that leaves connected UpToDate peers behind outdates itself (they carry the
     * data on, so it must not come back as a rival); the peers see it Outdated, then TearDown. The last holder
     * of the data keeps its disk state.
     */
    void gracefulLeave(String node) {
        for (String r : c.allResources()) {
            gracefulLeave(node, r);
        }
    }

    /** {@code drbdadm down RES}: one resource of a node leaves as in {@link #gracefulLeave(String)}. */
    void gracefulLeave(String node, String r) {
        NodeResource x = c.nodeResource(node, r);
        for (int v = 0; v < x.disk.length; v++) {
            boolean carried = false;
            for (PeerLink l : x.peers.values()) {
                carried |= l.connected() && c.nodeResource(l.peer, r).disk[v] == DiskState.UP_TO_DATE;
            }
            if (x.disk[v].hasDisk() && carried) {
                x.disk[v] = DiskState.OUTDATED;
            }
        }
        c.publish();
        for (PeerLink l : x.peers.values()) {
            NodeResource p = c.nodeResource(l.peer, r);
            lose(p, x, ConnState.TEAR_DOWN);
            l.conn = ConnState.STANDALONE;
        }
    }

    void detach(NodeResource x, int v, boolean ioError) {
        if (x.client || !x.disk[v].hasDisk()) {
            return;
        }
        x.disk[v] = ioError ? DiskState.FAILED : DiskState.DETACHING;
        if (ioError) {
            String ctx = "name:" + x.spec.name() + " volume:" + v + " minor:" + (x.spec.firstMinor() + v);
            c.helper(x.node, x.spec.name(), "call helper " + ctx + " helper:local-io-error");
            c.helper(x.node, x.spec.name(), "response helper " + ctx + " helper:local-io-error status:0");
        }
        c.afterChange();
        x.disk[v] = DiskState.DISKLESS;
        x.data = new ArrayList<>(); // a failed/removed backing disk: attaching again means a full resync
        for (PeerLink l : x.peers.values()) {
            l.repl[v] = l.connected() ? ReplState.ESTABLISHED : ReplState.OFF;
            l.done[v] = -1;
            l.syncToken++;
            PeerLink back = c.nodeResource(l.peer, x.spec.name()).peers.get(x.node);
            back.done[v] = -1;
            if (back.connected()) {
                back.repl[v] = ReplState.ESTABLISHED;
            }
            back.syncToken++;
        }
        c.afterChange();
    }
}
