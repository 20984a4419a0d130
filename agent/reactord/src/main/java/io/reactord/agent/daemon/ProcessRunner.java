package io.reactord.agent.daemon;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The port for running child processes: completes with the exit status (or -1 when it could not run). */
@FunctionalInterface
public interface ProcessRunner {
    CompletableFuture<Integer> run(List<String> argv);
}
