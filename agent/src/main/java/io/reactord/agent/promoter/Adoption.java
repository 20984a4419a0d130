package io.reactord.agent.promoter;

import static io.reactord.agent.promoter.DecisionJournal.lower;

/**
 * What a {@link Promoter} makes of the first complete DRBD state and its target's ActiveState: adopt a
 * running Primary without any command (frozen when it has no quorum in freeze mode), stop a target that
 * runs without this node being Primary, otherwise idle. Pure.
 */
final class Adoption {
    private Adoption() {}

    enum Outcome { IDLE, ACTIVE, FROZEN, STOP }

    /**
     * @param outcome the state to enter ({@code STOP}: stop the target)
     * @param reason the reason, as logged
     * @param guard the condition that decided
     * @param sawPrimary whether this node is a Primary running the target
     */
    record Decision(Outcome outcome, String reason, String guard, boolean sawPrimary) {}

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
        return new Decision(Outcome.IDLE, view.isPrimary() ? "Primary but target inactive: not touching it" : "not running here",
                "adoption: role " + lower(view.role()) + ", target " + lower(target), false);
    }
}
