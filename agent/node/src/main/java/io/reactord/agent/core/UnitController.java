package io.reactord.agent.core;

import io.reactord.agent.promoter.UnitActiveState;
import java.util.concurrent.CompletableFuture;

/**
 * The port through which the agent acts on units: systemd over D-Bus in production, child processes
 * for the shell runner, a recording fake in tests and replay. Implementations never block the caller;
 * futures complete on other threads and never exceptionally (failures are {@link JobOutcome}s).
 */
public interface UnitController {
    /** Starts {@code unit} (job mode replace) and reports the job result, ActiveState and promote condition. */
    CompletableFuture<JobOutcome> start(String resource, String unit);

    /** Stops {@code unit} and reports the job result. */
    CompletableFuture<JobOutcome> stop(String resource, String unit);

    CompletableFuture<JobOutcome> freeze(String resource, String unit);

    CompletableFuture<JobOutcome> thaw(String resource, String unit);

    /** Clears a failed state; best effort. */
    CompletableFuture<Void> resetFailed(String resource, String unit);

    /** The unit's current ActiveState ({@code UNKNOWN} when it cannot be read). */
    CompletableFuture<UnitActiveState> activeState(String resource, String unit);
}
