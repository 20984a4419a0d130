package io.reactord.agent.promoter;

import static io.reactord.agent.promoter.DecisionJournal.lower;

import io.reactord.config.DiskDetachPolicy;
import io.reactord.config.QuorumLossPolicy;
import io.reactord.config.Runner;
import java.util.ArrayList;
import java.util.List;

/**
 * The guards of one {@link Promoter} that read the DRBD view: whether a start may be issued
 * ({@code may_promote} and the rest, never forced), and what an active target must do — demoted,
 * quorum lost (freeze or stop), disk detached with an UpToDate peer (fail-over), a move to another node,
 * a more preferred peer that became UpToDate (fail-back). Pure functions of the settings and the view.
 */
final class ReleaseGuards {
    private ReleaseGuards() {}

    /** What the rules for an active target decide. */
    enum Action { STAY, STOP, FREEZE }

    /** A decision without a state change, for the journal. */
    record Note(String reason, String guard) {}

    /**
     * @param action what to do with the target
     * @param failBackPeer the peer a fail-back releases toward (null for any other verdict)
     * @param reason the reason, as logged (null for {@code STAY})
     * @param guard the condition that decided (null for {@code STAY})
     * @param notes decisions without a state change made on the way, in order
     */
    record Verdict(Action action, String failBackPeer, String reason, String guard, List<Note> notes) {}

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
        return s.onQuorumLoss() == QuorumLossPolicy.FREEZE && s.runner() == Runner.SYSTEMD;
    }

    /**
     * The rules for an active target; {@code sawPrimary}: this node was seen Primary since the start;
     * {@code failBackPeer}: a more preferred peer whose UpToDate edge is armed ({@link FailBack}), or null.
     */
    static Verdict whileActive(PromoterSettings s, ResourceView view, boolean sawPrimary, String moveNode, String failBackPeer) {
        List<Note> notes = new ArrayList<>();
        if (sawPrimary && !view.isPrimary()) {
            return new Verdict(Action.STOP, null, "DRBD is no longer Primary here", "role " + lower(view.role()), notes);
        }
        if (view.quorumLost()) {
            return freezes(s)
                    ? new Verdict(Action.FREEZE, null, "quorum lost: freezing the services", "quorum:no, on-quorum-loss freeze", notes)
                    : new Verdict(Action.STOP, null, "quorum lost", "quorum:no, on-quorum-loss shutdown", notes);
        }
        if (s.onDiskDetach() == DiskDetachPolicy.FAIL_OVER) {
            for (VolumeView v : view.volumes()) {
                if (v.client() || !Disks.isDetached(v.disk())) {
                    continue;
                }
                String peer = view.peers().stream().filter(p -> p.upToDate(v.volume())).map(PeerView::name).findFirst().orElse(null);
                if (peer != null) {
                    return new Verdict(Action.STOP, null,
                            "local disk of volume " + v.volume() + " " + lower(v.disk()) + ": failing over to UpToDate " + peer,
                            "disk " + lower(v.disk()) + ", on-disk-detach fail-over, peer " + peer + " UpToDate", notes);
                }
                notes.add(new Note("local disk of volume " + v.volume() + " " + lower(v.disk()) + " but no UpToDate peer: staying",
                        "on-disk-detach fail-over, no UpToDate peer"));
            }
        }
        if (moveNode != null && !moveNode.equals(s.localNode())) {
            if (MoveRules.targetReady(view, moveNode)) {
                return new Verdict(Action.STOP, null, "moving to " + moveNode, "move in force, " + moveNode + " UpToDate", notes);
            }
            notes.add(new Note("moving to " + moveNode + " once it is connected and UpToDate", "move in force"));
        }
        if (moveNode == null && failBackPeer != null) {
            return new Verdict(Action.STOP, failBackPeer, "fail-back: preferred node " + failBackPeer + " became UpToDate",
                    "preferred-nodes-policy always, " + failBackPeer + " index " + s.preferredIndex(failBackPeer) + " < "
                            + s.preferredIndex(s.localNode()) + ", UpToDate edge", notes);
        }
        return new Verdict(Action.STAY, null, null, null, notes);
    }
}
