package io.reactord.agent.promoter;

/**
 * Identity of a promoter timer. The generation makes a timer that fired after it was cancelled or
 * replaced recognisably stale.
 *
 * @param resource resource name
 * @param kind what the timer is for
 * @param generation unique per promoter
 */
public record TimerId(String resource, Kind kind, long generation) {
    /** Timer purposes. */
    public enum Kind {
        /** the sleep before a start (DESIGN §3.1) */
        PROMOTE,
        /** backoff after a failed start (DESIGN §3.6) */
        RETRY,
        /** end of a temporary eviction */
        EVICT,
        /** end of a temporary move preference */
        MOVE,
        /** end of the wait for a preferred peer to answer a fail-back release */
        FAILBACK,
        /** a start that is still running: warn, and fail it at {@code start-timeout} */
        START_WATCH
    }
}
