package io.reactord.agent.daemon;

import io.reactord.agent.time.Cancellable;
import io.reactord.agent.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Runs a task on the event loop every {@code period}, where the next tick is scheduled only by the loop
 * running the previous one: a loop that hangs runs no more ticks (so a {@code WATCHDOG=1} sent from a tick
 * stops, and systemd restarts the daemon), and a loop that was busy does not receive a burst of them later.
 */
final class LoopTicker implements AutoCloseable {
    private final Scheduler scheduler;
    private final Executor loop;
    private final Duration period;
    private final Runnable task;
    private volatile Cancellable next;
    private volatile boolean closed;

    LoopTicker(Scheduler scheduler, Executor loop, Duration period, Runnable task) {
        this.scheduler = scheduler;
        this.loop = loop;
        this.period = period;
        this.task = task;
    }

    /** Runs the task on the loop now, then every period. */
    LoopTicker start() {
        loop.execute(this::tick);
        return this;
    }

    private void tick() {
        if (closed) {
            return;
        }
        try {
            task.run();
        } finally {
            next = scheduler.schedule(period, () -> loop.execute(this::tick));
        }
    }

    @Override
    public void close() {
        closed = true;
        Cancellable c = next;
        if (c != null) {
            c.cancel();
        }
    }
}
