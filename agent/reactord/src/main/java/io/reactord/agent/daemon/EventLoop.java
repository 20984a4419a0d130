package io.reactord.agent.daemon;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that decides: messages (runnables) are executed in arrival order. A message that
 * throws is logged and the loop carries on. {@link #call} runs a function on the loop and returns its
 * result to another thread (control socket requests).
 */
public final class EventLoop implements Executor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final Runnable POISON = () -> {};

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopped;

    public EventLoop() {
        thread = new Thread(this::run, "reactord-loop");
    }

    public void start() {
        thread.start();
    }

    @Override
    public void execute(Runnable r) {
        if (!stopped) {
            queue.add(r);
        }
    }

    /** Runs {@code f} on the loop; the future completes with its result. */
    public <T> CompletableFuture<T> call(Supplier<T> f) {
        CompletableFuture<T> cf = new CompletableFuture<>();
        execute(() -> {
            try {
                cf.complete(f.get());
            } catch (RuntimeException e) {
                cf.completeExceptionally(e);
            }
        });
        if (stopped) {
            cf.completeExceptionally(new IllegalStateException("reactord is shutting down"));
        }
        return cf;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Number of queued messages. */
    public int backlog() {
        return queue.size();
    }

    private void run() {
        while (true) {
            Runnable r;
            try {
                r = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (r == POISON) {
                return;
            }
            try {
                r.run();
            } catch (RuntimeException | AssertionError e) {
                LOG.error("event loop: unexpected error in a message: {}", e.toString(), e);
            }
        }
    }

    /** Stops after the messages already queued; waits up to 5 s. */
    @Override
    public void close() {
        stopped = true;
        queue.add(POISON);
        if (!inLoop()) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
