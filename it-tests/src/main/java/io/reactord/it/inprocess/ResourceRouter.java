package io.reactord.it.inprocess;

import io.reactord.agent.core.JobOutcome;
import io.reactord.agent.core.UnitController;
import io.reactord.agent.promoter.UnitActiveState;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The agent's view of one in-process node's service manager: every call goes to the {@link MemorySystemd} of the
 * call's resource (the main resource's, or an extra resource's where the scenario adds one).
 */
final class ResourceRouter implements UnitController {
    private final MemorySystemd main;
    private final Map<String, MemorySystemd> extra;

    ResourceRouter(MemorySystemd main, Map<String, MemorySystemd> extra) {
        this.main = main;
        this.extra = Map.copyOf(extra);
    }

    private UnitController of(String resource) {
        return extra.getOrDefault(resource, main);
    }

    @Override
    public CompletableFuture<JobOutcome> start(String resource, String unit) {
        return of(resource).start(resource, unit);
    }

    @Override
    public CompletableFuture<JobOutcome> stop(String resource, String unit) {
        return of(resource).stop(resource, unit);
    }

    @Override
    public CompletableFuture<JobOutcome> freeze(String resource, String unit) {
        return of(resource).freeze(resource, unit);
    }

    @Override
    public CompletableFuture<JobOutcome> thaw(String resource, String unit) {
        return of(resource).thaw(resource, unit);
    }

    @Override
    public CompletableFuture<Void> resetFailed(String resource, String unit) {
        return of(resource).resetFailed(resource, unit);
    }

    @Override
    public CompletableFuture<UnitActiveState> activeState(String resource, String unit) {
        return of(resource).activeState(resource, unit);
    }
}
