package io.reactord.agent.daemon;

import io.reactord.agent.core.JobOutcome;
import io.reactord.agent.core.UnitController;
import io.reactord.agent.promoter.JobResult;
import io.reactord.agent.promoter.UnitActiveState;
import io.reactord.systemd.BusUnavailableException;
import io.reactord.systemd.FreezeNotSupportedException;
import io.reactord.systemd.SystemdClient;
import io.reactord.systemd.SystemdNames;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The unit port on systemd's D-Bus API. A start is {@code StartUnit(unit, "replace")}; when the job
 * did not end {@code done}, the promote unit's {@code ConditionResult} tells a lost promotion race
 * (condition false) from a real failure. State reads asked for together (adoption of many resources)
 * are one {@code ListUnitsByNames}. Failures become {@link JobOutcome}s, never exceptions; an unreachable systemd or bus ({@link
 * BusUnavailableException}) is {@link JobResult#UNREACHABLE}, a host fault the promoter does not count.
 */
public final class SystemdUnits implements UnitController {
    private final SystemdClient client;
    private volatile boolean exiting;

    public SystemdUnits(SystemdClient client) {
        this.client = client;
    }

    /**
     * The daemon exits as a systemd service: a stop from now on (stop-services-on-exit) is only queued. The services
     * targets are ordered {@code Before=reactord.service}, so systemd runs their stop jobs after reactord's own stop
     * has finished; waiting for them here would wait for ourselves until systemd kills the daemon.
     */
    void exiting() {
        exiting = true;
    }

    @Override
    public CompletableFuture<JobOutcome> start(String resource, String unit) {
        return client.startUnit(unit, "replace")
                .thenCompose(r -> client.activeState(unit).handle((st, err) -> st)
                        .thenCompose(st -> {
                            UnitActiveState as = st == null ? UnitActiveState.UNKNOWN : UnitActiveState.parse(st);
                            if (r == io.reactord.systemd.JobResult.DONE) {
                                return CompletableFuture.completedFuture(new JobOutcome(JobResult.DONE, as, true, ""));
                            }
                            return client.unitState(SystemdNames.promoteService(resource)).handle((ps, err) ->
                                    new JobOutcome(map(r), as, ps == null ? null : ps.conditionResult(),
                                            ps == null ? "" : "promote unit " + ps.activeState()));
                        }))
                .exceptionally(SystemdUnits::failure);
    }

    @Override
    public CompletableFuture<JobOutcome> stop(String resource, String unit) {
        if (exiting) {
            return client.queueStop(unit, "replace")
                    .thenApply(v -> new JobOutcome(JobResult.DONE, UnitActiveState.DEACTIVATING, null,
                            "stop job queued; systemd runs it once reactord has exited"))
                    .exceptionally(SystemdUnits::failure);
        }
        return client.stopUnit(unit, "replace")
                .thenApply(r -> new JobOutcome(map(r), r == io.reactord.systemd.JobResult.DONE ? UnitActiveState.INACTIVE
                        : UnitActiveState.UNKNOWN, null, ""))
                .exceptionally(SystemdUnits::failure);
    }

    @Override
    public CompletableFuture<JobOutcome> freeze(String resource, String unit) {
        return client.freezeUnit(unit).thenApply(v -> JobOutcome.done(UnitActiveState.ACTIVE)).exceptionally(SystemdUnits::failure);
    }

    @Override
    public CompletableFuture<JobOutcome> thaw(String resource, String unit) {
        return client.thawUnit(unit).thenApply(v -> JobOutcome.done(UnitActiveState.ACTIVE)).exceptionally(SystemdUnits::failure);
    }

    @Override
    public CompletableFuture<Void> resetFailed(String resource, String unit) {
        return client.resetFailedUnit(unit).exceptionally(t -> null);
    }

    @Override
    public CompletableFuture<UnitActiveState> activeState(String resource, String unit) {
        return client.activeState(unit).thenApply(UnitActiveState::parse).exceptionally(t -> UnitActiveState.UNKNOWN);
    }

    static JobResult map(io.reactord.systemd.JobResult r) {
        switch (r) {
            case DONE:
                return JobResult.DONE;
            case CANCELED:
                return JobResult.CANCELED;
            case TIMEOUT:
                return JobResult.TIMEOUT;
            case DEPENDENCY:
                return JobResult.DEPENDENCY;
            case SKIPPED:
                return JobResult.SKIPPED;
            case INVALID:
                return JobResult.INVALID;
            case UNSUPPORTED:
                return JobResult.UNSUPPORTED;
            default:
                return JobResult.FAILED;
        }
    }

    static JobOutcome failure(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (c instanceof BusUnavailableException) {
            return new JobOutcome(JobResult.UNREACHABLE, UnitActiveState.UNKNOWN, null, c.getMessage());
        }
        if (c instanceof FreezeNotSupportedException) {
            return new JobOutcome(JobResult.UNSUPPORTED, UnitActiveState.UNKNOWN, null, c.getMessage());
        }
        return JobOutcome.error(c.getMessage() == null ? c.toString() : c.getMessage());
    }
}
