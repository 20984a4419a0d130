package io.reactord.agent.promoter;

/** A systemd unit's {@code ActiveState}, plus {@link #UNKNOWN} when it could not be read. */
public enum UnitActiveState {
    ACTIVE,
    RELOADING,
    INACTIVE,
    FAILED,
    ACTIVATING,
    DEACTIVATING,
    MAINTENANCE,
    UNKNOWN;

    /** Active, reloading or activating: services of the unit run or are being started. */
    public boolean isUp() {
        return this == ACTIVE || this == RELOADING || this == ACTIVATING;
    }

    /** Parses systemd's lower-case word; unknown words give {@link #UNKNOWN}. */
    public static UnitActiveState parse(String s) {
        if (s == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
