package io.reactord.agent.promoter;

import static io.reactord.agent.promoter.DecisionJournal.lower;

import io.reactord.agent.promoter.PromoterSettings.QuorumLossPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The guards of one {@link Promoter} that read the DRBD view: whether a start may be issued
 * ({@code may_promote} and the rest, never forced), and what an active target must do — demoted,
 * quorum lost (freeze or stop), disk detached with an UpToDate peer (fail-over), a move to another node,
 * a more preferred UpToDate peer (fail-back). Pure functions of the settings and the view.
 */
final class ReleaseGuards {
    private ReleaseGuards() {}

    /** What the rules for an active target decide. */
    enum Action { STAY, STOP, FREEZE }

    /** A decision without a state change, for the journal. */
    record Note(String reason, String guard) {}

    /**
     * @param action what to do with the target
     * @param involuntary whether it is an involuntary release (counts for damping)
     * @param reason the reason, as logged (null for {@code STAY})
     * @param guard the condition that decided (null for {@code STAY})
     * @param notes decisions without a state change made on the way, in order
     */
    record Verdict(Action action, boolean involuntary, String reason, String guard, List<Note> notes) {}

    /** May this node start the target now? Only when DRBD says so (never forced). */
    static boolean promotable(ResourceView view) {
        return view != null && view.mayPromote() && !view.isPrimary() && !view.forceIoFailures() && view.quorate();
    }

    /** Why {@link #promotable} is false, for the journal. */
    static String whyNotPromotable(ResourceView view) {
        if (view == null) {
            return "no DRBD state";
        }
        if (view.isPrimary()) {
            return "already Primary";
        }
        if (view.quorumLost()) {
            return "quorum:no";
        }
        if (view.forceIoFailures()) {
            return "force-io-failures";
        }
        if (view.peerPrimary()) {
            return "peer Primary";
        }
        return "may_promote no";
    }

    /** Whether quorum loss freezes the services rather than stopping them. */
    static boolean freezes(PromoterSettings s) {
        return s.onQuorumLoss() == QuorumLossPolicy.FREEZE && s.runner() == PromoterSettings.Runner.SYSTEMD;
    }

    /** The rules for an active target; {@code sawPrimary}: this node was seen Primary since the start. */
    static Verdict whileActive(PromoterSettings s, ResourceView view, boolean sawPrimary, String moveNode) {
        List<Note> notes = new ArrayList<>();
        if (sawPrimary && !view.isPrimary()) {
            return new Verdict(Action.STOP, true, "DRBD is no longer Primary here", "role " + lower(view.role()), notes);
        }
        if (view.quorumLost()) {
            return freezes(s)
                    ? new Verdict(Action.FREEZE, true, "quorum lost: freezing the services", "quorum:no, on-quorum-loss freeze", notes)
                    : new Verdict(Action.STOP, true, "quorum lost", "quorum:no, on-quorum-loss shutdown", notes);
        }
        if (s.onDiskDetach() == PromoterSettings.DiskDetachPolicy.FAIL_OVER) {
            for (VolumeView v : view.volumes()) {
                if (v.client() || !v.disk().isDetached()) {
                    continue;
                }
                String peer = view.peers().stream().filter(p -> p.upToDate(v.volume())).map(PeerView::name).findFirst().orElse(null);
                if (peer != null) {
                    return new Verdict(Action.STOP, true,
                            "local disk of volume " + v.volume() + " " + lower(v.disk()) + ": failing over to UpToDate " + peer,
                            "disk " + lower(v.disk()) + ", on-disk-detach fail-over, peer " + peer + " UpToDate", notes);
                }
                notes.add(new Note("local disk of volume " + v.volume() + " " + lower(v.disk()) + " but no UpToDate peer: staying",
                        "on-disk-detach fail-over, no UpToDate peer"));
            }
        }
        if (moveNode != null && !moveNode.equals(s.localNode())) {
            if (MoveRules.targetReady(view, moveNode)) {
                return new Verdict(Action.STOP, false, "moving to " + moveNode, "move in force, " + moveNode + " UpToDate", notes);
            }
            notes.add(new Note("moving to " + moveNode + " once it is connected and UpToDate", "move in force"));
        }
        if (moveNode == null && s.preferredNodesPolicy() == PromoterSettings.PreferredNodesPolicy.ALWAYS
                && !s.preferredNodes().isEmpty()) {
            int mine = s.preferredIndex(s.localNode());
            for (PeerView p : view.peers()) {
                if (s.preferredNodes().contains(p.name()) && s.preferredIndex(p.name()) < mine && p.upToDate()) {
                    return new Verdict(Action.STOP, false, "fail-back: preferred node " + p.name() + " is UpToDate",
                            "preferred-nodes-policy always, " + p.name() + " index " + s.preferredIndex(p.name()) + " < " + mine, notes);
                }
            }
        }
        return new Verdict(Action.STAY, false, null, null, notes);
    }
}
