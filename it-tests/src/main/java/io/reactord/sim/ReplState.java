package io.reactord.sim;

/** The replication states the simulator uses (a subset of DRBD's), with their events2 words. */
public enum ReplState {
    OFF("Off"), ESTABLISHED("Established"), WF_BITMAP_S("WFBitMapS"), WF_BITMAP_T("WFBitMapT"),
    SYNC_SOURCE("SyncSource"), SYNC_TARGET("SyncTarget");

    private final String word;

    ReplState(String word) {
        this.word = word;
    }

    /** The word events2 prints. */
    public String word() {
        return word;
    }
}
