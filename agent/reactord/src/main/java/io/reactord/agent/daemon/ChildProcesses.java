package io.reactord.agent.daemon;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link ProcessRunner}: each process runs on a worker thread with a time limit; output
 * is discarded (stderr is inherited, so it reaches the journal).
 */
public final class ChildProcesses implements ProcessRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChildProcesses.class);
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "reactord-child");
        t.setDaemon(true);
        return t;
    });
    private final long timeoutSeconds;

    public ChildProcesses(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public CompletableFuture<Integer> run(List<String> argv) {
        return CompletableFuture.supplyAsync(() -> runNow(argv), workers);
    }

    /** Runs {@code argv} on the calling thread; -1 when it could not run or timed out. */
    public int runNow(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                LOG.warn("'{}' did not finish within {} s; killed", String.join(" ", argv), timeoutSeconds);
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            LOG.warn("cannot run '{}': {}", String.join(" ", argv), e.getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
