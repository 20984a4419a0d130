package io.reactord.events2;

/** A DRBD role, local ({@code role} of a resource) or of a peer ({@code role} of a connection). */
public enum Role {
    PRIMARY("Primary"),
    SECONDARY("Secondary"),
    /** Also what drbdsetup prints as {@code ?} (out of range). */
    UNKNOWN("Unknown");

    private final String drbdName;

    Role(String drbdName) {
        this.drbdName = drbdName;
    }

    /** The name as drbdsetup prints it. */
    public String drbdName() {
        return drbdName;
    }

    /** The role for a printed word, or null when it is not a role. */
    public static Role of(String s) {
        switch (s) {
            case "Primary": return PRIMARY;
            case "Secondary": return SECONDARY;
            case "Unknown":
            case "?":
                return UNKNOWN;
            default: return null;
        }
    }
}
