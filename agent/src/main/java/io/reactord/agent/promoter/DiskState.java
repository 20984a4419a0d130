package io.reactord.agent.promoter;

/** A DRBD disk state; {@link #penaltySeconds()} is the promote sleep contribution of DESIGN §3.1. */
public enum DiskState {
    DISKLESS,
    ATTACHING,
    DETACHING,
    FAILED,
    NEGOTIATING,
    INCONSISTENT,
    OUTDATED,
    DUNKNOWN,
    CONSISTENT,
    UP_TO_DATE;

    /** Seconds added to the promote sleep for a local volume in this state: UpToDate 0 … else 6. */
    public int penaltySeconds() {
        switch (this) {
            case UP_TO_DATE:
                return 0;
            case CONSISTENT:
                return 1;
            case OUTDATED:
                return 2;
            case INCONSISTENT:
                return 3;
            default:
                return 6;
        }
    }

    /** True for states in which the local backing disk is gone or going (a detach). */
    public boolean isDetached() {
        return this == DISKLESS || this == DETACHING || this == FAILED;
    }
}
