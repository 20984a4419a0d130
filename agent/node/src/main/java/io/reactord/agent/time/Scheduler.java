package io.reactord.agent.time;

import java.time.Duration;

/**
 * Runs tasks after a delay measured on its {@link Clock}. Tasks of one scheduler run one at a time;
 * in the daemon they only post a message to the event loop.
 */
public interface Scheduler {
    /** The clock that delays are measured on. */
    Clock clock();

    /** Runs {@code task} once after {@code delay} (zero or negative: as soon as possible). */
    Cancellable schedule(Duration delay, Runnable task);
}
