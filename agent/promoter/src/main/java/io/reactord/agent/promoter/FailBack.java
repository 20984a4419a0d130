package io.reactord.agent.promoter;

import io.reactord.config.PreferredNodesPolicy;
import io.reactord.events2.Role;
import java.util.HashSet;
import java.util.Set;

/**
 * The edge-triggered fail-back of one {@link Promoter} ({@code preferred-nodes-policy = always}). A more
 * preferred peer <em>becoming</em> connected and UpToDate arms a fail-back to it; being UpToDate is not
 * enough (a peer that is UpToDate but never promotes — disabled, FAILED, evicted, agent down — would
 * otherwise make this node start and stop forever). A release consumes the arming and holds this node
 * back for {@code fail-back-timeout} while the peer is still connected, UpToDate and not Primary; when
 * the bound passes unanswered, this node promotes again and does not fail back to that peer until the
 * peer's state changes (it stops being UpToDate, and becomes UpToDate again). Pure: the caller passes
 * the views and the time.
 */
final class FailBack {
    /** Peers seen connected and UpToDate in the last view; null before the first complete view. */
    private Set<String> upToDate;
    private final Set<String> armed = new HashSet<>();
    private String awaiting;
    private long releasedAtMs;

    /**
     * Takes a complete view; {@code holding}: this node runs (or is starting) the target. The first view is the
     * baseline: a peer already UpToDate then (agent restart, adoption) arms nothing, so restarting the agent never
     * causes a fail-back. Edges seen while this node does not hold the target arm nothing either (and earlier
     * arming is forgotten): the peer's preference was already in force at the race this node then won — e.g. the
     * preferred node was evicted or disabled — so failing back to it would only cause an outage.
     */
    void observe(ResourceView view, boolean holding) {
        if (view == null) {
            return;
        }
        Set<String> now = new HashSet<>();
        for (PeerView p : view.peers()) {
            if (p.upToDate()) {
                now.add(p.name());
            }
        }
        if (!holding) {
            armed.clear();
        } else if (upToDate != null) {
            for (String p : now) {
                if (!upToDate.contains(p)) {
                    armed.add(p);
                }
            }
        }
        armed.retainAll(now);
        if (awaiting != null) {
            PeerView p = MoveRules.peer(view, awaiting);
            if (p == null || !p.upToDate() || p.role() == Role.PRIMARY) {
                awaiting = null; // answered (peer Primary) or the peer's state changed: no more holding back
            }
        }
        upToDate = now;
    }

    /** The most preferred armed peer that is more preferred than this node and UpToDate now, or null. */
    String candidate(PromoterSettings s, ResourceView view) {
        if (s.preferredNodesPolicy() != PreferredNodesPolicy.ALWAYS || s.preferredNodes().isEmpty()) {
            return null;
        }
        int mine = s.preferredIndex(s.localNode());
        String best = null;
        for (PeerView p : view.peers()) {
            int i = s.preferredIndex(p.name());
            if (armed.contains(p.name()) && s.preferredNodes().contains(p.name()) && i < mine && p.upToDate()
                    && (best == null || i < s.preferredIndex(best))) {
                best = p.name();
            }
        }
        return best;
    }

    /** Arms a fail-back to {@code peer} without an edge (adoption found it better placed). */
    void arm(String peer) {
        armed.add(peer);
    }

    /** Whether {@code peer} is armed (it became UpToDate and no release answered that edge yet). */
    boolean armed(String peer) {
        return armed.contains(peer);
    }

    /** A fail-back release toward {@code peer} was issued at {@code nowMs}: the edge is consumed. */
    void released(String peer, long nowMs) {
        armed.remove(peer);
        awaiting = peer;
        releasedAtMs = nowMs;
    }

    /** The peer a fail-back release waits for, or null. */
    String awaiting() {
        return awaiting;
    }

    /** Whether this node holds back from promoting: the released-to peer may still take over in time. */
    boolean holdsBack(PromoterSettings s, long nowMs) {
        return awaiting != null && nowMs < releasedAtMs + s.failBackTimeout().toMillis();
    }

    /** The bound passed unanswered: stop holding back; the peer needs a new edge to be failed back to. */
    String expire() {
        String p = awaiting;
        awaiting = null;
        return p;
    }

    /** Forgets the pending fail-back (operator {@code enable}, reload). Arming is kept. */
    void clearAwaiting() {
        awaiting = null;
    }
}
