package io.reactord.agent.promoter;

import static io.reactord.agent.promoter.DecisionJournal.lower;

import io.reactord.config.PreferredNodesPolicy;

/**
 * What a {@link Promoter} makes of the first complete DRBD state and its target's ActiveState: adopt a
 * running Primary without any command (frozen when it has no quorum in freeze mode), stop a target that
 * runs without this node being Primary, start the target of a quorate Primary whose target is inactive
 * (a half-started node: crashed manager, manual stop), otherwise idle. Pure.
 */
final class Adoption {
    private Adoption() {}

    enum Outcome { IDLE, ACTIVE, FROZEN, STOP, START }

    /**
     * @param outcome the state to enter ({@code STOP}: stop the target)
     * @param reason the reason, as logged
     * @param guard the condition that decided
     * @param sawPrimary whether this node is a Primary running the target
     * @param failBackTo with {@code START}: a more preferred UpToDate peer that is better placed; the target is
     *     started (to make the node consistent) and then released to it by the fail-back rule; else null
     */
    record Decision(Outcome outcome, String reason, String guard, boolean sawPrimary, String failBackTo) {
        Decision(Outcome outcome, String reason, String guard, boolean sawPrimary) {
            this(outcome, reason, guard, sawPrimary, null);
        }
    }

    static Decision decide(PromoterSettings s, ResourceView view, UnitActiveState target) {
        boolean up = target.isUp();
        if (view == null) {
            return up
                    ? new Decision(Outcome.STOP, "target active but resource " + s.resource() + " does not exist in DRBD",
                            "adoption: no DRBD resource, target up", false)
                    : new Decision(Outcome.IDLE, "resource not present in DRBD", "adoption: no DRBD resource", false);
        }
        if (view.isPrimary() && up) {
            if (view.quorumLost()) {
                return ReleaseGuards.freezes(s)
                        ? new Decision(Outcome.FROZEN, "adopted frozen: Primary without quorum",
                                "adoption: Primary, target up, quorum:no, freeze", true)
                        : new Decision(Outcome.STOP, "adopted without quorum", "adoption: Primary, target up, quorum:no, shutdown", true);
            }
            return new Decision(Outcome.ACTIVE, "adopted: Primary with active target", "adoption: Primary, target " + lower(target), true);
        }
        if (up) {
            return new Decision(Outcome.STOP, "target active but DRBD is not Primary here",
                    "adoption: role " + lower(view.role()) + ", target up", false);
        }
        if (view.isPrimary() && view.quorate() && !view.forceIoFailures() && target != UnitActiveState.DEACTIVATING) {
            String better = betterPlaced(s, view);
            return better == null
                    ? new Decision(Outcome.START, "adopted Primary with inactive target: starting it (as drbd-reactor does)",
                            "adoption: Primary, quorum yes, target " + lower(target), false)
                    : new Decision(Outcome.START, "adopted Primary with inactive target: starting it, then failing back to "
                            + better + " (more preferred and UpToDate)", "adoption: Primary, quorum yes, target " + lower(target)
                            + ", preferred-nodes-policy always, " + better + " UpToDate", false, better);
        }
        return new Decision(Outcome.IDLE, view.isPrimary() ? "Primary but target inactive and "
                + (view.forceIoFailures() ? "force-io-failures" : "no quorum") + ": not starting it" : "not running here",
                "adoption: role " + lower(view.role()) + ", target " + lower(target), false);
    }

    /** The most preferred connected UpToDate peer preferred over this node under policy always, or null. */
    private static String betterPlaced(PromoterSettings s, ResourceView view) {
        if (s.preferredNodesPolicy() != PreferredNodesPolicy.ALWAYS) {
            return null;
        }
        String best = null;
        for (PeerView p : view.peers()) {
            int i = s.preferredIndex(p.name());
            if (s.preferredNodes().contains(p.name()) && i < s.preferredIndex(s.localNode()) && p.upToDate()
                    && (best == null || i < s.preferredIndex(best))) {
                best = p.name();
            }
        }
        return best;
    }
}
