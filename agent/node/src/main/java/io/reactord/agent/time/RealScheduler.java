package io.reactord.agent.time;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The production scheduler: one daemon thread of a {@link ScheduledThreadPoolExecutor}, measuring
 * delays on {@link System#nanoTime()} (monotonic, immune to wall-clock jumps). Tasks are expected to
 * be short (they post a message to the event loop).
 */
public final class RealScheduler implements Scheduler, Clock, AutoCloseable {
    private final long origin = System.nanoTime();
    private final ScheduledExecutorService executor;

    public RealScheduler(String threadName) {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        this.executor = ex;
    }

    @Override
    public Clock clock() {
        return this;
    }

    @Override
    public long millis() {
        return (System.nanoTime() - origin) / 1_000_000L;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
