package io.reactord.sim;

import java.util.List;

/**
 * DRBD 9's per-volume quorum decision as seen from one node, a model of the kernel's {@code calc_quorum()}
 * (EVENTS2.md §4.2). Pure function of the node's own view.
 */
public final class QuorumCalculator {

    /** How the deciding node classifies one member of the resource (itself included). */
    public enum Vote {
        /** diskful, UpToDate, itself or connected */
        UP_TO_DATE,
        /** diskful, connected (or itself), not UpToDate */
        PRESENT,
        /** diskful, disconnected, known Outdated */
        OUTDATED,
        /** diskful, disconnected, state unknown */
        UNKNOWN,
        /** intentionally diskless and connected (tiebreaker candidate) */
        DISKLESS,
        /** intentionally diskless and disconnected */
        MISSING_DISKLESS,
        /** the deciding node itself when it is intentionally diskless: no vote */
        SELF_DISKLESS
    }

    /** The outcome: no quorum, quorum, or quorum only thanks to a diskless tiebreaker. */
    public enum Result { NO, YES, BY_TIEBREAKER;
        public boolean have() {
            return this != NO;
        }
    }

    private QuorumCalculator() {
    }

    /**
     * Decides quorum for a diskful node.
     *
     * @param quorum        the {@code quorum} option
     * @param minRedundancy the {@code quorum-minimum-redundancy} option
     * @param votes         one entry per member of the resource, the deciding node included
     * @param hadQuorum     whether the deciding node had quorum immediately before (diskless tiebreaker rule)
     */
    public static Result decide(QuorumSetting quorum, QuorumSetting minRedundancy, List<Vote> votes,
                                    boolean hadQuorum) {
        if (quorum.kind() == QuorumSetting.Kind.OFF) {
            return Result.YES;
        }
        int upToDate = 0, present = 0, outdated = 0, unknown = 0, diskless = 0, missingDiskless = 0;
        for (Vote v : votes) {
            switch (v) {
                case UP_TO_DATE -> upToDate++;
                case PRESENT -> present++;
                case OUTDATED -> outdated++;
                case UNKNOWN -> unknown++;
                case DISKLESS -> diskless++;
                case MISSING_DISKLESS -> missingDiskless++;
                case SELF_DISKLESS -> { }
            }
        }
        int voters = unknown == 0 ? upToDate + present : upToDate + present + outdated + unknown;
        int quorumAt = quorum.threshold(voters);
        int minRedundancyAt = minRedundancy.threshold(voters);
        if (upToDate + present >= quorumAt && upToDate >= minRedundancyAt) {
            return Result.YES;
        }
        if (hadQuorum && voters % 2 == 0 && upToDate + present == quorumAt - 1
                && diskless + missingDiskless > 0
                && diskless >= (diskless + missingDiskless) / 2 + 1
                && upToDate >= minRedundancyAt) {
            return Result.BY_TIEBREAKER;
        }
        return Result.NO;
    }
}
