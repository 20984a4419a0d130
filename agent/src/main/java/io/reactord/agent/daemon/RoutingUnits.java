package io.reactord.agent.daemon;

import io.reactord.agent.core.JobOutcome;
import io.reactord.agent.core.UnitController;
import io.reactord.agent.promoter.UnitActiveState;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Sends shell-runner resources to one controller and the rest (systemd) to another. */
public final class RoutingUnits implements UnitController {
    private final UnitController systemd;
    private final Supplier<UnitController> shell;
    private final Supplier<Set<String>> shellResources;

    public RoutingUnits(UnitController systemd, Supplier<UnitController> shell, Supplier<Set<String>> shellResources) {
        this.systemd = systemd;
        this.shell = shell;
        this.shellResources = shellResources;
    }

    private UnitController pick(String resource) {
        return shellResources.get().contains(resource) ? shell.get() : systemd;
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
