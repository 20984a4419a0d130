package io.reactord.agent.promoter;

/**
 * The outcome of a unit operation as reported back to the promoter: systemd's job result words
 * ({@code done}, {@code failed}, {@code dependency}, {@code skipped}, {@code canceled}, {@code timeout},
 * {@code invalid}) plus {@link #UNSUPPORTED} (e.g. freezing without cgroup v2) and {@link #ERROR} (the
 * call itself failed, e.g. D-Bus unreachable).
 */
public enum JobResult {
    DONE,
    FAILED,
    DEPENDENCY,
    SKIPPED,
    CANCELED,
    TIMEOUT,
    INVALID,
    UNSUPPORTED,
    ERROR;

    /** Parses systemd's job result word; unknown words give {@link #FAILED}. */
    public static JobResult parse(String s) {
        if (s == null) {
            return ERROR;
        }
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return FAILED;
        }
    }
}
