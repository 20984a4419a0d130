package io.reactord.agent.promoter;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Judges a start after its units settle: the start units that are failed while the start job runs (systemd's
 * state changes, and the daemon's re-read of every start unit once the job has finished), and whether a unit that
 * fails after the target became active is still within {@code start-settle} of that start. Pure: the caller
 * passes the time.
 */
final class StartJudge {
    private final Set<String> failed = new LinkedHashSet<>();
    private long activeSinceMs = Long.MIN_VALUE;

    /** A start is issued: the units' earlier failures no longer count (the start starts them again). */
    void starting() {
        failed.clear();
        activeSinceMs = Long.MIN_VALUE;
    }

    /** A start unit's state while the start job runs. */
    void unitState(String unit, UnitActiveState s) {
        if (s == UnitActiveState.FAILED) {
            failed.add(unit);
        } else if (s != UnitActiveState.UNKNOWN) {
            failed.remove(unit);
        }
    }

    /** The start units failed at the end of the start job, in the order they were reported (empty: none). */
    Set<String> failedUnits() {
        return Set.copyOf(failed);
    }

    /** The first failed start unit, or null. */
    String firstFailed() {
        return failed.isEmpty() ? null : failed.iterator().next();
    }

    /** The target became active at {@code nowMs}. */
    void active(long nowMs) {
        failed.clear();
        activeSinceMs = nowMs;
    }

    /** Whether a failure at {@code nowMs} is still part of the start (within {@code start-settle}). */
    boolean settling(PromoterSettings s, long nowMs) {
        return activeSinceMs != Long.MIN_VALUE && nowMs - activeSinceMs < s.startSettle().toMillis();
    }

    /** How long the target has been active at {@code nowMs}, in ms. */
    long activeForMs(long nowMs) {
        return activeSinceMs == Long.MIN_VALUE ? -1 : nowMs - activeSinceMs;
    }
}
