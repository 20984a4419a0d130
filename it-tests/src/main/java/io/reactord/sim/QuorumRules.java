package io.reactord.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DRBD's quorum as the simulator applies it: every up node's per-volume decision from its own view
 * ({@link QuorumCalculator}), the diskless-tiebreaker arbitration between two halves, the effects of losing
 * quorum (suspend-io, quorum-lost helper), and the reach of the two-phase commit. Package-private; called
 * under the cluster's lock.
 */
final class QuorumRules {

    private final SimCluster c;

    QuorumRules(SimCluster cluster) {
        this.c = cluster;
    }

    /** Recomputes every up node's quorum per volume; with {@code effects}, applies suspend-io and quorum-lost. */
    boolean recomputeQuorum(boolean effects) {
        boolean moved = false;
        for (String r : c.allResources()) {
            SimResourceSpec spec = c.resourceSpec(r);
            int volumes = spec.volumes();
            List<NodeResource> members = new ArrayList<>(c.nodeResources(r));
            boolean[][] next = new boolean[members.size()][volumes];
            for (int v = 0; v < volumes; v++) {
                List<NodeResource> byTiebreaker = new ArrayList<>();
                for (int i = 0; i < members.size(); i++) {
                    NodeResource x = members.get(i);
                    if (!c.up(x.node) || !votes(x.disk[v])) {
                        continue;
                    }
                    QuorumCalculator.Result res = QuorumCalculator.decide(spec.options().quorum(),
                            spec.options().minimumRedundancy(), votes(x, v), x.quorum[v]);
                    next[i][v] = res.have();
                    if (res == QuorumCalculator.Result.BY_TIEBREAKER) {
                        byTiebreaker.add(x);
                    }
                }
                denyRivalTiebreaks(members, next, v, byTiebreaker);
                for (int i = 0; i < members.size(); i++) {
                    NodeResource x = members.get(i);
                    if (!c.up(x.node) || votes(x.disk[v])) {
                        continue;
                    }
                    boolean q = spec.options().quorum().kind() == QuorumSetting.Kind.OFF;
                    for (int j = 0; j < members.size(); j++) {
                        NodeResource p = members.get(j);
                        PeerLink l = x.peers.get(p.node);
                        if (l != null && l.connected() && votes(p.disk[v]) && next[j][v]) {
                            q = true;
                        }
                    }
                    next[i][v] = q;
                }
            }
            for (int i = 0; i < members.size(); i++) {
                NodeResource x = members.get(i);
                if (!c.up(x.node)) {
                    continue;
                }
                for (int v = 0; v < volumes; v++) {
                    if (x.quorum[v] != next[i][v]) {
                        moved = true;
                        if (effects && x.quorum[v] && x.role == Role.PRIMARY) {
                            c.helper(x.node, r, "call helper name:" + r + " volume:" + v + " minor:"
                                    + (spec.firstMinor() + v) + " helper:quorum-lost");
                            c.helper(x.node, r, "response helper name:" + r + " volume:" + v + " minor:"
                                    + (spec.firstMinor() + v) + " helper:quorum-lost status:0");
                        }
                        x.quorum[v] = next[i][v];
                    }
                }
                boolean susp = spec.options().onNoQuorum() == ResourceOptions.OnNoQuorum.SUSPEND_IO
                        && !x.hasQuorumAll();
                if (effects && susp != x.suspendedQuorum) {
                    x.suspendedQuorum = susp;
                    moved = true;
                }
            }
        }
        return moved;
    }

    /**
     * Whether a disk in this state casts a vote: Outdated, Consistent, UpToDate. An Inconsistent disk (a resync
     * target) does not hold the data, so it neither votes nor lends quorum (simulator rule); its node decides
     * like a diskless one, through a connected quorate peer.
     */
    static boolean votes(DiskState d) {
        return d == DiskState.OUTDATED || d == DiskState.CONSISTENT || d == DiskState.UP_TO_DATE;
    }

    private List<QuorumCalculator.Vote> votes(NodeResource x, int v) {
        List<QuorumCalculator.Vote> out = new ArrayList<>();
        out.add(x.disk[v] == DiskState.UP_TO_DATE ? QuorumCalculator.Vote.UP_TO_DATE : QuorumCalculator.Vote.PRESENT);
        for (PeerLink l : x.peers.values()) {
            NodeResource p = c.nodeResource(l.peer, x.spec.name());
            if (p.client) {
                out.add(l.connected() ? QuorumCalculator.Vote.DISKLESS : QuorumCalculator.Vote.MISSING_DISKLESS);
            } else if (l.connected()) {
                out.add(p.disk[v] == DiskState.UP_TO_DATE ? QuorumCalculator.Vote.UP_TO_DATE
                        : votes(p.disk[v]) ? QuorumCalculator.Vote.PRESENT : QuorumCalculator.Vote.UNKNOWN);
            } else {
                out.add(x.knownOutdated.contains(l.peer) ? QuorumCalculator.Vote.OUTDATED : QuorumCalculator.Vote.UNKNOWN);
            }
        }
        return out;
    }

    /**
     * Two halves that both keep quorum only through the same diskless tiebreaker: the half with a Primary (else
     * the one with the lowest node id) keeps it (EVENTS2.md §4.2 rule 6 simplification).
     */
    private void denyRivalTiebreaks(List<NodeResource> members, boolean[][] next, int v, List<NodeResource> by) {
        if (by.size() < 2) {
            return;
        }
        by.sort(Comparator.comparing((NodeResource x) -> diskfulComponent(x).stream()
                        .noneMatch(n -> c.nodeResource(n, x.spec.name()).role == Role.PRIMARY))
                .thenComparing(x -> diskfulComponent(x).stream().mapToInt(c::nodeId).min().orElse(99)));
        Set<String> winner = diskfulComponent(by.get(0));
        for (NodeResource x : by) {
            if (!winner.contains(x.node)) {
                next[members.indexOf(x)][v] = false;
            }
        }
    }

    /** Nodes reachable from x over Connected connections of x's resource (x included); the 2PC's reach. */
    Set<String> component(NodeResource x) {
        return component(x, true);
    }

    /** Like {@link #component(NodeResource)} but not through diskless nodes: one "half" of a split. */
    private Set<String> diskfulComponent(NodeResource x) {
        return component(x, false);
    }

    private Set<String> component(NodeResource x, boolean viaDiskless) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(x.node);
        seen.add(x.node);
        while (!todo.isEmpty()) {
            NodeResource n = c.nodeResource(todo.poll(), x.spec.name());
            for (PeerLink l : n.peers.values()) {
                if (l.connected() && c.up(l.peer) && (viaDiskless || !c.nodeResource(l.peer, x.spec.name()).client)
                        && seen.add(l.peer)) {
                    todo.add(l.peer);
                }
            }
        }
        return seen;
    }
}
