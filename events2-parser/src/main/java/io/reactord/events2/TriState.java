package io.reactord.events2;

/** {@code yes}, {@code no} or {@code unknown}, as printed for client, open and peer-client. */
public enum TriState {
    YES("yes"),
    NO("no"),
    UNKNOWN("unknown");

    private final String word;

    TriState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** True only for {@link #YES}. */
    public boolean isYes() {
        return this == YES;
    }

    /** The tri-state for a printed word, or null when it is none of the three. */
    public static TriState of(String s) {
        switch (s) {
            case "yes": return YES;
            case "no": return NO;
            case "unknown": return UNKNOWN;
            default: return null;
        }
    }
}
