package io.reactord.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders what one node's {@code drbdsetup events2 --full} shows for one resource, in the burst order of
 * EVENTS2.md §2.1 (resource, connections, devices, then per connection its peer-devices and path), and computes
 * {@code may_promote}/{@code promotion_score} from that view as drbdsetup does (§4.4).
 */
final class ViewRenderer {

    /** Size of every simulated volume in KiB (10 GiB). */
    static final long VOLUME_KIB = 10L * 1024 * 1024;

    private final SimCluster cluster;

    ViewRenderer(SimCluster cluster) {
        this.cluster = cluster;
    }

    List<ObjectLine> render(String node, String resource) {
        NodeResource nr = cluster.nodeResource(node, resource);
        String name = "name:" + cluster.localFaults().shownName(node, resource);
        List<ObjectLine> out = new ArrayList<>();
        MayPromote mp = mayPromote(nr);
        out.add(new ObjectLine("resource", List.of(name, "role:" + nr.role.word(),
                "suspended:" + (nr.suspendedQuorum ? "quorum" : "no"),
                "force-io-failures:" + yesNo(nr.forceIoFailures), "write-ordering:flush",
                "may_promote:" + yesNo(mp.may), "promotion_score:" + mp.score), 1));
        List<PeerLink> links = new ArrayList<>(nr.peers.values());
        links.sort((a, b) -> Integer.compare(cluster.nodeId(b.peer), cluster.nodeId(a.peer)));
        for (PeerLink l : links) {
            NodeResource peer = cluster.nodeResource(l.peer, resource);
            Role peerRole = l.connected() ? peer.role : Role.UNKNOWN;
            out.add(new ObjectLine("connection", List.of(name, "peer-node-id:" + cluster.nodeId(l.peer),
                    "conn-name:" + l.peer, "connection:" + l.conn.word(), "role:" + peerRole.word(),
                    "congested:no", "ap-in-flight:0", "rs-in-flight:0"), 3));
        }
        for (int v = 0; v < nr.disk.length; v++) {
            String backing = nr.disk[v] == DiskState.DISKLESS ? "none"
                    : "/dev/drbdpool/" + resource + "_" + String.format(Locale.ROOT, "%05d", v);
            out.add(new ObjectLine("device", List.of(name, "volume:" + v, "minor:" + (nr.spec.firstMinor() + v),
                    "backing_dev:" + backing, "disk:" + nr.disk[v].word(), "client:" + yesNo(nr.client),
                    "open:" + yesNo(nr.openCount > 0), "quorum:" + yesNo(nr.quorum[v]),
                    "size:" + (nr.client ? 0 : VOLUME_KIB), "read:" + nr.readKiB, "written:" + nr.writtenKiB,
                    "al-writes:0", "bm-writes:0", "upper-pending:0", "lower-pending:0", "al-suspended:no",
                    "blocked:no"), 3));
        }
        for (PeerLink l : links) {
            NodeResource peer = cluster.nodeResource(l.peer, resource);
            String pid = "peer-node-id:" + cluster.nodeId(l.peer);
            for (int v = 0; v < nr.disk.length; v++) {
                DiskState pd = l.connected() ? peer.disk[v] : DiskState.DUNKNOWN;
                List<String> keys = new ArrayList<>(List.of(name, pid, "conn-name:" + l.peer, "volume:" + v,
                        "replication:" + (l.connected() ? l.repl[v] : ReplState.OFF).word(), "peer-disk:" + pd.word(),
                        "peer-client:" + yesNo(peer.client), "resync-suspended:no"));
                boolean syncing = l.connected() && l.done[v] >= 0;
                if (syncing) {
                    keys.add("done:" + String.format(Locale.ROOT, "%.2f", l.done[v]));
                }
                long oos = outOfSyncKiB(nr, peer, l);
                keys.addAll(List.of("received:" + l.received[v], "sent:" + l.sent[v], "out-of-sync:" + oos,
                        "pending:0", "unacked:0"));
                if (syncing) {
                    keys.addAll(List.of("dbdt1:0.00", "eta:nan"));
                }
                out.add(new ObjectLine("peer-device", keys, 4));
            }
            out.add(new ObjectLine("path", List.of(name, pid, "conn-name:" + l.peer,
                    "local:ipv4:" + cluster.address(node) + ":" + nr.spec.port(),
                    "peer:ipv4:" + cluster.address(l.peer) + ":" + nr.spec.port(),
                    "established:" + yesNo(l.connected())), 5));
        }
        return out;
    }

    private static long outOfSyncKiB(NodeResource self, NodeResource peer, PeerLink l) {
        if (!l.connected() || self.client || peer.client) {
            return 0;
        }
        return 4L * Math.abs(self.data.size() - peer.data.size());
    }

    record MayPromote(boolean may, int score) {
    }

    /** EVENTS2.md §4.4, from the node's own view. */
    MayPromote mayPromote(NodeResource nr) {
        if (nr.disk.length == 0 || nr.forceIoFailures || !nr.hasQuorumAll()) {
            return new MayPromote(false, 0);
        }
        boolean peerPrimary = false;
        int minRep = Integer.MAX_VALUE;
        boolean allStable = true;
        boolean allHaveDisk = true;
        int localUpToDate = 0;
        for (int v = 0; v < nr.disk.length; v++) {
            DiskState d = nr.disk[v];
            int rep = d == DiskState.UP_TO_DATE ? 1 : 0;
            boolean stable = d == DiskState.UP_TO_DATE;
            for (PeerLink l : nr.peers.values()) {
                if (!l.connected()) {
                    continue;
                }
                NodeResource peer = cluster.nodeResource(l.peer, nr.spec.name());
                if (peer.disk[v] == DiskState.UP_TO_DATE) {
                    rep++;
                    if (peer.role != Role.PRIMARY && l.repl[v] != ReplState.SYNC_TARGET && !nextToPrimary(peer)) {
                        stable = true;
                    }
                }
            }
            minRep = Math.min(minRep, rep);
            allStable &= stable;
            allHaveDisk &= d == DiskState.UP_TO_DATE || d == DiskState.CONSISTENT || d == DiskState.INCONSISTENT;
            if (d == DiskState.UP_TO_DATE) {
                localUpToDate++;
            }
        }
        for (PeerLink l : nr.peers.values()) {
            if (l.connected() && cluster.nodeResource(l.peer, nr.spec.name()).role == Role.PRIMARY) {
                peerPrimary = true;
            }
        }
        if (minRep == 0) {
            return new MayPromote(false, 0);
        }
        int score = (allHaveDisk ? 10000 : 0) + 100 * Math.min(localUpToDate, 99) + Math.min(minRep, 99);
        return new MayPromote(nr.role != Role.PRIMARY && !peerPrimary && allStable, score);
    }

    /** Whether the peer is still connected to a Primary (its data may move under it: not "stable"). */
    private boolean nextToPrimary(NodeResource peer) {
        for (PeerLink l : peer.peers.values()) {
            if (l.connected() && cluster.nodeResource(l.peer, peer.spec.name()).role == Role.PRIMARY) {
                return true;
            }
        }
        return false;
    }

    static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
