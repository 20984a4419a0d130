package io.reactord.agent.promoter;

/**
 * The outcome of a unit operation as reported back to the promoter: systemd's job result words
 * ({@code done}, {@code failed}, {@code dependency}, {@code skipped}, {@code canceled}, {@code timeout},
 * {@code invalid}) plus {@link #UNSUPPORTED} (e.g. freezing without cgroup v2), {@link #UNREACHABLE} (the
 * host's service manager or its bus is not reachable: a host fault, not a fault of this node's resource) and
 * {@link #ERROR} (the call itself failed otherwise).
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
    /** systemd or the system bus is not reachable: nothing was done; never counted as a start failure. */
    UNREACHABLE,
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
