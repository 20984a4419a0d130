package io.reactord.it.inprocess;

import io.reactord.agent.core.JobOutcome;
import io.reactord.agent.core.UnitController;
import io.reactord.agent.promoter.JobResult;
import io.reactord.agent.promoter.UnitActiveState;
import io.reactord.it.ClusterConfig;
import io.reactord.it.UnitFault;
import io.reactord.sim.SimCluster;
import io.reactord.sim.ToolResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * One node's service manager for one resource in the in-process backend. It knows the three units that matter — the
 * services target, the promote unit and the start units — and behaves like systemd with reactord's templates: starting the
 * target runs the promotion as a start condition (a refused promotion leaves everything inactive, result
 * {@code dependency}, condition false: a lost race), then starts the units in order; a unit failure fails the
 * target's job while the promotion stays (as with {@code Requires=}); stopping the target stops the units in
 * reverse order and then demotes, with {@code secondary --force} and the escalation after it. Jobs take virtual
 * time through {@code later}; results complete futures that the backend's loop picks up.
 */
final class MemorySystemd implements UnitController {

    /** Virtual duration of one unit action (an exec). */
    static final long STEP_MS = 2;
    /** How long a unit that ignores SIGTERM delays its stop (systemd's stop timeout, then SIGKILL). */
    static final long STOP_TIMEOUT_MS = 1500;
    /** A crashing controller dies this long after it started. */
    static final long CRASH_AFTER_MS = 150;

    /** Schedules work on the backend's virtual clock for this manager's lifetime. */
    interface Later {
        void run(long delayMs, Runnable r);
    }

    private final String node;
    private final String resource;
    private final SimCluster sim;
    private final Later later;
    private final boolean secondaryForce;
    private final String target;
    private final String promote;
    private final List<String> services;
    private final Map<String, UnitActiveState> states = new LinkedHashMap<>();
    private final Map<String, Long> starts = new HashMap<>();
    private final Map<String, Long> stops = new HashMap<>();
    private final Set<UnitFault> faults;
    private final List<String> escalations = new ArrayList<>();
    private BiConsumer<String, UnitActiveState> listener = (u, s) -> {};
    private String failureAction = "none";
    private Runnable onExit = () -> {};
    private boolean frozen;
    private boolean alive = true;
    /** A start job waiting on a hung promotion; a stop cancels it. */
    private CompletableFuture<JobOutcome> hungStart;

    MemorySystemd(String node, String resource, List<String> services, SimCluster sim, Later later,
                  boolean secondaryForce, Set<UnitFault> faults) {
        this.node = node;
        this.resource = resource;
        this.services = List.copyOf(services);
        this.sim = sim;
        this.later = later;
        this.secondaryForce = secondaryForce;
        this.target = io.reactord.systemd.SystemdNames.servicesTarget(resource);
        this.promote = io.reactord.systemd.SystemdNames.promoteService(resource);
        this.faults = faults;
        states.put(target, UnitActiveState.INACTIVE);
        states.put(promote, UnitActiveState.INACTIVE);
        for (String s : services) {
            states.put(s, UnitActiveState.INACTIVE);
        }
    }

    /** Whether {@code unit} is one of this manager's (the target, the promote unit, a start unit). */
    boolean knows(String unit) {
        return states.containsKey(unit);
    }

    /** Where unit state changes go (the agent's systemd listener). */
    void listener(BiConsumer<String, UnitActiveState> l) {
        this.listener = l;
    }

    /**
     * The escalation unit's {@code FailureAction=} ({@code on-drbd-demote-failure}); {@code exit}/{@code exit-force}
     * make this manager exit and then run {@code onExit} (the backend stops the node's agent with it). Other
     * actions are only recorded: nothing here may reboot or power off anything.
     */
    void failureAction(String action, Runnable whenExited) {
        this.failureAction = action;
        this.onExit = whenExited;
    }

    /** The manager died with its node: nothing it started runs any more, no job completes. */
    void kill() {
        alive = false;
        states.replaceAll((u, s) -> UnitActiveState.INACTIVE);
    }

    UnitActiveState state(String unit) {
        return states.getOrDefault(unit, UnitActiveState.INACTIVE);
    }

    String resource() {
        return resource;
    }

    String target() {
        return target;
    }

    boolean writing() {
        return alive && !frozen && state(ClusterConfig.CONTROLLER_UNIT) == UnitActiveState.ACTIVE;
    }

    long starts(String unit) {
        return starts.getOrDefault(unit, 0L);
    }

    long stops(String unit) {
        return stops.getOrDefault(unit, 0L);
    }

    List<String> escalations() {
        return escalations;
    }

    /** The controller process dies now (the fault was just switched on while it ran). */
    void crashController() {
        if (alive && state(ClusterConfig.CONTROLLER_UNIT).isUp()) {
            set(ClusterConfig.CONTROLLER_UNIT, UnitActiveState.FAILED);
        }
    }

    /** The target and its units stop without their dependencies: the promotion (and DRBD's Primary) stays. */
    void halfStop() {
        List<String> reversed = new ArrayList<>(services);
        java.util.Collections.reverse(reversed);
        for (String s : reversed) {
            if (state(s).isUp()) {
                count(stops, s);
                if (s.equals(ClusterConfig.MOUNT_UNIT)) {
                    tool(() -> sim.close(node, resource));
                }
                set(s, UnitActiveState.INACTIVE);
            }
        }
        set(target, UnitActiveState.INACTIVE);
    }

    // ------------------------------------------------------------------ UnitController

    @Override
    public CompletableFuture<JobOutcome> start(String res, String unit) {
        CompletableFuture<JobOutcome> f = new CompletableFuture<>();
        if (!unit.equals(target)) {
            f.complete(JobOutcome.error("in-process manager: unknown unit " + unit));
            return f;
        }
        later.run(STEP_MS, () -> startTarget(f));
        return f;
    }

    @Override
    public CompletableFuture<JobOutcome> stop(String res, String unit) {
        CompletableFuture<JobOutcome> f = new CompletableFuture<>();
        if (!unit.equals(target)) {
            f.complete(JobOutcome.error("in-process manager: unknown unit " + unit));
            return f;
        }
        boolean hang = faults.contains(UnitFault.CONTROLLER_STOP_HANGS)
                && state(ClusterConfig.CONTROLLER_UNIT).isUp();
        if (hang) {
            set(ClusterConfig.CONTROLLER_UNIT, UnitActiveState.DEACTIVATING);
        }
        later.run(STEP_MS + (hang ? STOP_TIMEOUT_MS : 0), () -> stopTarget(f));
        return f;
    }

    @Override
    public CompletableFuture<JobOutcome> freeze(String res, String unit) {
        frozen = true;
        return CompletableFuture.completedFuture(JobOutcome.done(state(unit)));
    }

    @Override
    public CompletableFuture<JobOutcome> thaw(String res, String unit) {
        frozen = false;
        return CompletableFuture.completedFuture(JobOutcome.done(state(unit)));
    }

    @Override
    public CompletableFuture<Void> resetFailed(String res, String unit) {
        for (Map.Entry<String, UnitActiveState> e : states.entrySet()) {
            if (e.getValue() == UnitActiveState.FAILED) {
                e.setValue(UnitActiveState.INACTIVE);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<UnitActiveState> activeState(String res, String unit) {
        return CompletableFuture.completedFuture(alive ? state(unit) : UnitActiveState.UNKNOWN);
    }

    // ------------------------------------------------------------------ jobs

    private void startTarget(CompletableFuture<JobOutcome> f) {
        if (!alive) {
            return;
        }
        if (!state(promote).isUp()) {
            if (faults.contains(UnitFault.PRIMARY_HANGS)) {
                sim.mark(node, resource, "primary-hangs");
                set(promote, UnitActiveState.ACTIVATING);
                set(target, UnitActiveState.ACTIVATING);
                hungStart = f;
                return;
            }
            if (faults.contains(UnitFault.DRBDSETUP_CANNOT_RUN)) {
                set(promote, UnitActiveState.FAILED);
                f.complete(new JobOutcome(JobResult.DEPENDENCY, UnitActiveState.INACTIVE, true,
                        "drbd-promote failed: drbdsetup cannot run"));
                return;
            }
            ToolResult r = tool(() -> sim.promote(node, resource, false));
            if (!r.success()) {
                f.complete(new JobOutcome(JobResult.DEPENDENCY, UnitActiveState.INACTIVE, false,
                        "promotion refused: " + r.stderr().strip()));
                return;
            }
            set(promote, UnitActiveState.ACTIVE);
        }
        for (String s : services) {
            if (state(s).isUp()) {
                continue;
            }
            count(starts, s);
            boolean failed;
            if (s.equals(ClusterConfig.MOUNT_UNIT)) {
                failed = faults.contains(UnitFault.MOUNT_FAILS) || !tool(() -> sim.open(node, resource)).success();
            } else {
                failed = false;
            }
            if (failed) {
                set(s, UnitActiveState.FAILED);
                f.complete(new JobOutcome(JobResult.DEPENDENCY, state(target), true, s + " failed to start"));
                return;
            }
            set(s, UnitActiveState.ACTIVE);
            if (s.equals(ClusterConfig.CONTROLLER_UNIT) && faults.contains(UnitFault.CONTROLLER_EXITS_AT_START)) {
                later.run(0, () -> {
                    if (alive && state(s) == UnitActiveState.ACTIVE) {
                        set(s, UnitActiveState.FAILED);
                    }
                });
            }
            if (s.equals(ClusterConfig.CONTROLLER_UNIT) && faults.contains(UnitFault.CONTROLLER_CRASHES)) {
                later.run(CRASH_AFTER_MS, () -> {
                    if (alive && state(s) == UnitActiveState.ACTIVE) {
                        set(s, UnitActiveState.FAILED);
                    }
                });
            }
        }
        if (!state(target).isUp()) {
            count(starts, target);
        }
        set(target, UnitActiveState.ACTIVE);
        f.complete(JobOutcome.done(UnitActiveState.ACTIVE));
    }

    private void stopTarget(CompletableFuture<JobOutcome> f) {
        if (!alive) {
            return;
        }
        if (hungStart != null) {
            hungStart.complete(new JobOutcome(JobResult.CANCELED, UnitActiveState.INACTIVE, null,
                    "start job canceled by a stop"));
            hungStart = null;
            set(promote, UnitActiveState.INACTIVE);
        }
        List<String> reversed = new ArrayList<>(services);
        java.util.Collections.reverse(reversed);
        for (String s : reversed) {
            if (state(s).isUp() || state(s) == UnitActiveState.DEACTIVATING) {
                count(stops, s);
                if (s.equals(ClusterConfig.MOUNT_UNIT)) {
                    tool(() -> sim.close(node, resource));
                }
                set(s, UnitActiveState.INACTIVE);
            }
        }
        frozen = false;
        if (state(target).isUp()) {
            count(stops, target);
        }
        set(target, UnitActiveState.INACTIVE);
        if (state(promote).isUp() || primary()) {
            demote();
            set(promote, UnitActiveState.INACTIVE);
        }
        f.complete(JobOutcome.done(UnitActiveState.INACTIVE));
    }

    /** Demotes like the shim: secondary, then secondary --force, then the escalation unit. */
    private void demote() {
        if (tool(() -> sim.demote(node, resource, false)).success()) {
            return;
        }
        if (secondaryForce && tool(() -> sim.demote(node, resource, true)).success()) {
            return;
        }
        escalations.add("ran: drbd-demote-or-escalate@" + resource + ".service failed at " + sim.now()
                + " ms; FailureAction=" + failureAction);
        sim.mark(node, resource, "failure-action FailureAction=" + failureAction);
        if (failureAction.startsWith("exit")) {
            later.run(STEP_MS, () -> {
                escalations.add("ran: the service manager exited (FailureAction=" + failureAction + ")");
                kill();
                onExit.run();
            });
        }
    }

    private boolean primary() {
        return sim.isUp(node) && sim.role(node, resource) == io.reactord.sim.Role.PRIMARY;
    }

    private ToolResult tool(java.util.function.Supplier<ToolResult> call) {
        try {
            return call.get();
        } catch (IllegalStateException e) {
            return new ToolResult(20, "", e.getMessage() + "\n");
        }
    }

    private void set(String unit, UnitActiveState s) {
        UnitActiveState old = states.put(unit, s);
        if (old != s) {
            listener.accept(unit, s);
        }
    }

    private static void count(Map<String, Long> m, String unit) {
        m.merge(unit, 1L, Long::sum);
    }
}
