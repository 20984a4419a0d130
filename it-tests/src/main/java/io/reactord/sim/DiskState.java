package io.reactord.sim;

/** DRBD local/peer disk states with their events2 words, ordered as in the kernel. */
public enum DiskState {
    DISKLESS("Diskless"), ATTACHING("Attaching"), DETACHING("Detaching"), FAILED("Failed"),
    NEGOTIATING("Negotiating"), INCONSISTENT("Inconsistent"), OUTDATED("Outdated"),
    DUNKNOWN("DUnknown"), CONSISTENT("Consistent"), UP_TO_DATE("UpToDate");

    private final String word;

    DiskState(String word) {
        this.word = word;
    }

    /** The word events2 prints. */
    public String word() {
        return word;
    }

    /** True for states that hold data (Inconsistent and better, not DUnknown). */
    public boolean hasDisk() {
        return this == INCONSISTENT || this == OUTDATED || this == CONSISTENT || this == UP_TO_DATE;
    }
}
