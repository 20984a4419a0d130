package io.reactord.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One resource as one node holds it (mutable; owned by {@link SimCluster}). */
final class NodeResource {
    final SimResourceSpec spec;
    final String node;
    final boolean client;
    Role role = Role.SECONDARY;
    boolean suspendedQuorum;
    boolean forceIoFailures;
    int openCount;
    final DiskState[] disk;
    final boolean[] quorum;
    /** peers by name, in the order of the node list */
    final Map<String, PeerLink> peers = new LinkedHashMap<>();
    /** disconnected peers this node knows to be Outdated (they drop out of the vote) */
    final Set<String> knownOutdated = new HashSet<>();
    /** the replicated data: acknowledged sequence numbers in write order (empty for diskless nodes) */
    List<Long> data = new ArrayList<>();
    long readKiB;
    long writtenKiB;
    boolean reconfirmPending;

    NodeResource(SimResourceSpec spec, String node) {
        this.spec = spec;
        this.node = node;
        this.client = spec.disklessNodes().contains(node);
        this.disk = new DiskState[spec.volumes()];
        this.quorum = new boolean[spec.volumes()];
        java.util.Arrays.fill(disk, client ? DiskState.DISKLESS : DiskState.UP_TO_DATE);
    }

    boolean hasQuorumAll() {
        for (boolean q : quorum) {
            if (!q) {
                return false;
            }
        }
        return true;
    }

    boolean anyDisk() {
        for (DiskState d : disk) {
            if (d.hasDisk()) {
                return true;
            }
        }
        return false;
    }

    boolean allDisks(DiskState state) {
        for (DiskState d : disk) {
            if (d != state) {
                return false;
            }
        }
        return true;
    }

    /** Whether this node currently receives replicated writes into its own data. */
    boolean syncTarget() {
        for (PeerLink l : peers.values()) {
            for (ReplState r : l.repl) {
                if (r == ReplState.SYNC_TARGET) {
                    return true;
                }
            }
        }
        return false;
    }
}
