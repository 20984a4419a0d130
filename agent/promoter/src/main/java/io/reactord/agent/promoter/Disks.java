package io.reactord.agent.promoter;

import io.reactord.events2.DiskState;

/** What the promoter reads from a DRBD disk state (the parser's {@link DiskState}). */
final class Disks {
    private Disks() {}

    /** Seconds added to the promote sleep for a local volume in this state (DESIGN §3.1): UpToDate 0 … else 6. */
    static int penaltySeconds(DiskState d) {
        switch (d) {
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
    static boolean isDetached(DiskState d) {
        return d == DiskState.DISKLESS || d == DiskState.DETACHING || d == DiskState.FAILED;
    }
}
