package io.reactord.sim;

/** DRBD resource roles with their events2 words. */
public enum Role {
    PRIMARY("Primary"), SECONDARY("Secondary"), UNKNOWN("Unknown");

    private final String word;

    Role(String word) {
        this.word = word;
    }

    /** The word events2 prints. */
    public String word() {
        return word;
    }
}
