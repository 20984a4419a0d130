package io.reactord.agent.daemon;

import io.reactord.agent.core.JobOutcome;
import io.reactord.agent.core.UnitController;
import io.reactord.agent.promoter.JobResult;
import io.reactord.agent.promoter.UnitActiveState;
import io.reactord.systemd.TransientRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The unit port for {@code runner = "shell"}: the "target" is a sequence of child processes run
 * through a {@link ProcessRunner}. Start: {@code drbdsetup primary RES} (failure = lost race, like the
 * promote unit's condition), then each {@code start} command via {@code sh -c}; if one fails, the ones
 * already started are stopped and the resource demoted. Stop: the {@code stop} commands (default: start
 * reversed), then {@code drbdsetup secondary RES}. Freezing is not supported. What was started is kept in a
 * {@link ShellState}, so an agent restart or a reload does not forget it.
 *
 * <p>Under systemd the {@code start}/{@code stop} commands run as transient units of the service manager
 * ({@link TransientRun}, {@code reactord-shell-…}), so outside reactord's sandbox, as drbd-reactor runs
 * them, with their output in the journal and the whole cgroup killed after {@link #COMMAND_TIMEOUT}.
 */
public final class ShellUnits implements UnitController {
    /** One resource's commands. */
    public record Spec(List<String> start, List<String> stop) {}

    private final ProcessRunner runner;
    private final String drbdsetup;
    private final Map<String, Spec> specs;
    private final ShellState states;

    /** What systemd allows one start or stop command when it runs as a transient unit. */
    public static final java.time.Duration COMMAND_TIMEOUT = java.time.Duration.ofSeconds(590);

    private static final java.util.concurrent.atomic.AtomicLong SEQ = new java.util.concurrent.atomic.AtomicLong();
    private final TransientRun viaSystemd;

    /** Shell units whose state lives in {@code states}, their commands spawned directly ({@code /bin/sh -c CMD}). */
    ShellUnits(ProcessRunner runner, String drbdsetup, Map<String, Spec> specs, ShellState states) {
        this(runner, drbdsetup, specs, states, null);
    }

    /**
     * Shell units whose state lives in {@code states} (shared across reloads, persisted across restarts); with
     * {@code viaSystemd} null the commands are spawned directly ({@code /bin/sh -c CMD}).
     */
    ShellUnits(ProcessRunner runner, String drbdsetup, Map<String, Spec> specs, ShellState states, TransientRun viaSystemd) {
        this.viaSystemd = viaSystemd;
        this.runner = runner;
        this.drbdsetup = drbdsetup;
        this.specs = Map.copyOf(specs);
        this.states = states;
    }

    @Override
    public CompletableFuture<JobOutcome> start(String resource, String unit) {
        Spec s = specs.get(resource);
        if (s == null) {
            return CompletableFuture.completedFuture(JobOutcome.error("no shell commands for " + resource));
        }
        return runner.run(List.of(drbdsetup, "primary", resource)).thenCompose(rc -> {
            if (rc != 0) {
                return CompletableFuture.completedFuture(new JobOutcome(JobResult.SKIPPED, UnitActiveState.INACTIVE, false,
                        "drbdsetup primary exited " + rc));
            }
            set(resource, UnitActiveState.ACTIVATING);
            return startFrom(resource, s, 0);
        });
    }

    private CompletableFuture<JobOutcome> startFrom(String resource, Spec s, int i) {
        if (i >= s.start().size()) {
            set(resource, UnitActiveState.ACTIVE);
            return CompletableFuture.completedFuture(JobOutcome.done(UnitActiveState.ACTIVE));
        }
        String cmd = s.start().get(i);
        return runner.run(shell(resource, cmd)).thenCompose(rc -> {
            if (rc == 0) {
                return startFrom(resource, s, i + 1);
            }
            return stopAll(resource, s).thenApply(o -> new JobOutcome(JobResult.FAILED, UnitActiveState.FAILED, true,
                    "'" + cmd + "' exited " + rc));
        });
    }

    @Override
    public CompletableFuture<JobOutcome> stop(String resource, String unit) {
        Spec s = specs.get(resource);
        if (s == null) {
            return CompletableFuture.completedFuture(JobOutcome.error("no shell commands for " + resource));
        }
        return stopAll(resource, s);
    }

    private CompletableFuture<JobOutcome> stopAll(String resource, Spec s) {
        CompletableFuture<Boolean> ok = CompletableFuture.completedFuture(true);
        for (String cmd : s.stop()) {
            ok = ok.thenCompose(prev -> runner.run(shell(resource, cmd)).thenApply(rc -> prev && rc == 0));
        }
        return ok.thenCompose(prev -> runner.run(List.of(drbdsetup, "secondary", resource)).thenApply(rc -> {
            set(resource, UnitActiveState.INACTIVE);
            return prev && rc == 0 ? JobOutcome.done(UnitActiveState.INACTIVE)
                    : new JobOutcome(JobResult.FAILED, UnitActiveState.FAILED, null, "a stop command or the demote failed");
        }));
    }

    /** The command line of one start or stop command: a transient unit under systemd, else a plain shell. */
    List<String> shell(String resource, String cmd) {
        List<String> sh = List.of("/bin/sh", "-c", cmd);
        if (viaSystemd == null) {
            return sh;
        }
        String unit = "reactord-shell-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet() + ".service";
        return viaSystemd.argv(unit, "reactord shell runner command for DRBD resource " + resource, Map.of(),
                COMMAND_TIMEOUT, sh);
    }

    @Override
    public CompletableFuture<JobOutcome> freeze(String resource, String unit) {
        return CompletableFuture.completedFuture(new JobOutcome(JobResult.UNSUPPORTED, UnitActiveState.UNKNOWN, null,
                "the shell runner cannot freeze"));
    }

    @Override
    public CompletableFuture<JobOutcome> thaw(String resource, String unit) {
        return CompletableFuture.completedFuture(JobOutcome.done(UnitActiveState.UNKNOWN));
    }

    @Override
    public CompletableFuture<Void> resetFailed(String resource, String unit) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<UnitActiveState> activeState(String resource, String unit) {
        return CompletableFuture.completedFuture(states.get(resource));
    }

    private void set(String resource, UnitActiveState s) {
        states.set(resource, s);
    }
}
