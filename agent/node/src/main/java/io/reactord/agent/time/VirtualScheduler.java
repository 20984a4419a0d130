package io.reactord.agent.time;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A scheduler on virtual time for tests and replay: time stands still until {@link #advanceTo} or
 * {@link #advanceBy} moves it, and due tasks run on the caller's thread in due-time order (ties in
 * scheduling order). Not thread-safe; one thread drives it.
 */
public final class VirtualScheduler implements Scheduler, Clock {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long seq;

    /** A virtual clock starting at 0 ms. */
    public VirtualScheduler() {
        this(0);
    }

    public VirtualScheduler(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public Clock clock() {
        return this;
    }

    @Override
    public long millis() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long due = now + Math.max(0, delay.toMillis());
        Task t = new Task(due, seq++, task);
        queue.add(t);
        return () -> t.cancelled = true;
    }

    /** Runs every task due at the current time (also ones scheduled by those tasks with zero delay). */
    public void runDue() {
        advanceTo(now);
    }

    /** Moves time forward by {@code d}, running due tasks at their due times. */
    public void advanceBy(Duration d) {
        advanceTo(now + d.toMillis());
    }

    /** Moves time forward to {@code target} (never backwards), running due tasks at their due times. */
    public void advanceTo(long target) {
        long end = Math.max(now, target);
        Task t;
        while ((t = queue.peek()) != null && t.due <= end) {
            queue.poll();
            if (t.cancelled) {
                continue;
            }
            now = Math.max(now, t.due);
            t.task.run();
        }
        now = end;
    }

    /** Due time of the next live task, or -1 when none is pending. */
    public long nextDue() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll();
        }
        return queue.isEmpty() ? -1 : queue.peek().due;
    }

    /** Number of live pending tasks. */
    public int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }

    private static final class Task implements Comparable<Task> {
        final long due;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Task(long due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
