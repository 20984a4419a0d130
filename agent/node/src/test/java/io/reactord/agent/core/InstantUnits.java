package io.reactord.agent.core;

import io.reactord.agent.promoter.UnitActiveState;
import java.util.concurrent.CompletableFuture;

/**
 * A unit port for tests and benchmarks whose every job completes at once and successfully; a test overrides the
 * operations it records or delays. Unit states read {@code inactive}.
 */
public class InstantUnits implements UnitController {
    @Override
    public CompletableFuture<JobOutcome> start(String resource, String unit) {
        return done(UnitActiveState.ACTIVE);
    }

    @Override
    public CompletableFuture<JobOutcome> stop(String resource, String unit) {
        return done(UnitActiveState.INACTIVE);
    }

    @Override
    public CompletableFuture<JobOutcome> freeze(String resource, String unit) {
        return done(UnitActiveState.ACTIVE);
    }

    @Override
    public CompletableFuture<JobOutcome> thaw(String resource, String unit) {
        return done(UnitActiveState.ACTIVE);
    }

    @Override
    public CompletableFuture<Void> resetFailed(String resource, String unit) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<UnitActiveState> activeState(String resource, String unit) {
        return CompletableFuture.completedFuture(UnitActiveState.INACTIVE);
    }

    /** A job that has finished successfully, leaving the unit {@code state}. */
    public static CompletableFuture<JobOutcome> done(UnitActiveState state) {
        return CompletableFuture.completedFuture(JobOutcome.done(state));
    }
}
