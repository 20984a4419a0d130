package io.reactord.agent.daemon;

import io.reactord.agent.core.JobOutcome;
import io.reactord.agent.core.UnitController;
import io.reactord.agent.promoter.UnitActiveState;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/** Sends each call to the controller of its resource: shell-runner resources to one, the rest (systemd) to another. */
public final class RoutingUnits implements UnitController {
    private final Function<String, UnitController> route;

    /** Calls for a resource go to {@code route.apply(resource)}. */
    public RoutingUnits(Function<String, UnitController> route) {
        this.route = route;
    }

    /** Resources in {@code shellResources} to {@code shell}, the others to {@code systemd} (both read per call). */
    public RoutingUnits(UnitController systemd, Supplier<UnitController> shell, Supplier<Set<String>> shellResources) {
        this(resource -> shellResources.get().contains(resource) ? shell.get() : systemd);
    }

    private UnitController pick(String resource) {
        return route.apply(resource);
    }

    @Override
    public CompletableFuture<JobOutcome> start(String resource, String unit) {
        return pick(resource).start(resource, unit);
    }

    @Override
    public CompletableFuture<JobOutcome> stop(String resource, String unit) {
        return pick(resource).stop(resource, unit);
    }

    @Override
    public CompletableFuture<JobOutcome> freeze(String resource, String unit) {
        return pick(resource).freeze(resource, unit);
    }

    @Override
    public CompletableFuture<JobOutcome> thaw(String resource, String unit) {
        return pick(resource).thaw(resource, unit);
    }

    @Override
    public CompletableFuture<Void> resetFailed(String resource, String unit) {
        return pick(resource).resetFailed(resource, unit);
    }

    @Override
    public CompletableFuture<UnitActiveState> activeState(String resource, String unit) {
        return pick(resource).activeState(resource, unit);
    }
}
