package io.reactord.agent.replay;

import io.reactord.agent.core.JobOutcome;
import io.reactord.agent.core.UnitController;
import io.reactord.agent.promoter.UnitActiveState;
import io.reactord.events2.ClusterState;
import io.reactord.events2.ResourceInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link UnitController} for replay: every job succeeds at once. A target whose state was never set
 * is assumed active exactly when DRBD reports the resource Primary, so a captured stream of a running
 * cluster is adopted without actions, as on a real node.
 */
final class SucceedingUnits implements UnitController {
    private final Map<String, UnitActiveState> states = new HashMap<>();
    private ClusterState cluster;

    void cluster(ClusterState c) {
        this.cluster = c;
    }

    @Override
    public CompletableFuture<JobOutcome> start(String resource, String unit) {
        states.put(unit, UnitActiveState.ACTIVE);
        return CompletableFuture.completedFuture(JobOutcome.done(UnitActiveState.ACTIVE));
    }

    @Override
    public CompletableFuture<JobOutcome> stop(String resource, String unit) {
        states.put(unit, UnitActiveState.INACTIVE);
        return CompletableFuture.completedFuture(JobOutcome.done(UnitActiveState.INACTIVE));
    }

    @Override
    public CompletableFuture<JobOutcome> freeze(String resource, String unit) {
        return CompletableFuture.completedFuture(JobOutcome.done(UnitActiveState.ACTIVE));
    }

    @Override
    public CompletableFuture<JobOutcome> thaw(String resource, String unit) {
        return CompletableFuture.completedFuture(JobOutcome.done(UnitActiveState.ACTIVE));
    }

    @Override
    public CompletableFuture<Void> resetFailed(String resource, String unit) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<UnitActiveState> activeState(String resource, String unit) {
        UnitActiveState s = states.get(unit);
        if (s == null) {
            ResourceInfo r = cluster == null ? null : cluster.resource(resource);
            s = r != null && r.isPrimary() ? UnitActiveState.ACTIVE : UnitActiveState.INACTIVE;
        }
        return CompletableFuture.completedFuture(s);
    }
}
