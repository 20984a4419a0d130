package io.reactord.agent.promoter;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Timestamps of events (failures, involuntary stops) in a sliding window, and the exponential
 * backoff derived from their count. Pure: the caller passes the time.
 */
final class FailureWindow {
    private final Deque<Long> times = new ArrayDeque<>();

    void add(long nowMs) {
        times.addLast(nowMs);
    }

    /** Number of events within {@code window} before {@code nowMs}; older ones are forgotten. */
    int count(long nowMs, Duration window) {
        long oldest = nowMs - window.toMillis();
        while (!times.isEmpty() && times.peekFirst() <= oldest) {
            times.removeFirst();
        }
        return times.size();
    }

    void clear() {
        times.clear();
    }

    /** {@code initial * 2^(n-1)}, capped at {@code max}; zero for {@code n <= 0}. */
    static Duration backoff(int n, Duration initial, Duration max) {
        if (n <= 0) {
            return Duration.ZERO;
        }
        long ms = initial.toMillis();
        for (int i = 1; i < n && ms < max.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, max.toMillis()));
    }
}
