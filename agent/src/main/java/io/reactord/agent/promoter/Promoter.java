package io.reactord.agent.promoter;

import static io.reactord.agent.promoter.DecisionJournal.human;
import static io.reactord.agent.promoter.DecisionJournal.lower;
import static io.reactord.agent.promoter.StartAccounting.DAMPING_BASE;

import io.reactord.agent.promoter.Input.ConfigChanged;
import io.reactord.agent.promoter.Input.Disable;
import io.reactord.agent.promoter.Input.DumpComplete;
import io.reactord.agent.promoter.Input.Enable;
import io.reactord.agent.promoter.Input.Evict;
import io.reactord.agent.promoter.Input.JobFinished;
import io.reactord.agent.promoter.Input.ManagerReachable;
import io.reactord.agent.promoter.Input.Move;
import io.reactord.agent.promoter.Input.Shutdown;
import io.reactord.agent.promoter.Input.StreamLost;
import io.reactord.agent.promoter.Input.TimerFired;
import io.reactord.agent.promoter.Input.UnitStateChanged;
import io.reactord.agent.promoter.Input.ViewChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The promoter of one resource: a pure state machine {@code (state, input, now) -> (state, commands)}.
 * It performs no I/O and reads no clock; every state change goes through {@link #transition}, which
 * checks the {@link PromoterState} table, logs {@code RES: FROM -> TO (reason)} and journals it.
 *
 * <pre>
 *                    exists - (dump complete)
 *   UNKNOWN ──────────────┬───────────────────┬─────────────────────┐
 *                         │ Secondary         │ Primary+target up   │ not Primary, target up
 *                         ▼                   ▼                     ▼
 *        ┌──────────▶   IDLE ◀──┐           ACTIVE (adopted)     STOPPING
 *        │   not        │ may_promote       ▲   │
 *        │ promotable   ▼                   │   │ quorum lost (shutdown) / demoted /
 *        └────────── PENDING                │   │ disk detach + UpToDate peer (fail-over) /
 *                       │ sleep over        │   │ preferred peer UpToDate (always) / move
 *                       ▼                   │   ▼
 *    lost race ◀──── STARTING ── done+active ┘  STOPPING ── stopped ──▶ IDLE
 *    (quiet, IDLE)      │ failed                ▲
 *                       ▼                       │ forced Secondary
 *        BACKOFF (stop, retry timer)          FROZEN ◀── quorum lost (freeze) ── ACTIVE
 *           │ retry         │ max-failures      │ quorum back: thaw ──▶ ACTIVE
 *           ▼               ▼
 *         IDLE            FAILED ── enable ──▶ IDLE
 *
 *   any ── disable ──▶ DISABLED ── enable ──▶ IDLE/ACTIVE      any ── evict ──▶ EVICTED ──▶ IDLE
 *   any ── shutdown ──▶ SHUT_DOWN (target stopped only with stop-services-on-exit)
 * </pre>
 *
 * <p>Safety rules enforced here: nothing is decided before the dump is complete; a start is only
 * commanded while {@code may_promote} is yes (the target itself promotes; a promotion is never
 * forced); a resource that is Primary with an active target is adopted without any command.
 *
 * <p>The legal transitions are data in {@link PromoterState}; the view guards are in {@link ReleaseGuards},
 * failure, backoff and promote-sleep accounting in {@link StartAccounting}, timers in {@link PromoterTimers},
 * logging and journal records in {@link DecisionJournal}. This class holds the state and the rule per input.
 */
public final class Promoter {
    /** How long a plain (not --keep-masked) eviction holds when nobody takes over. */
    public static final Duration DEFAULT_EVICT_DURATION = Duration.ofSeconds(60);

    private PromoterSettings settings;
    private PromoterState state = PromoterState.UNKNOWN;
    private long stateSinceMs;
    private String lastReason = "waiting for the initial events2 state";
    private ResourceView view;
    private ResourceView prevView;
    private boolean dumpComplete;
    private UnitActiveState targetState = UnitActiveState.UNKNOWN;
    private boolean sawPrimary;
    private final TargetOps ops = new TargetOps();
    private final PromoterTimers timers = new PromoterTimers();
    private final StartAccounting accounting = new StartAccounting();
    private final FailBack failBack = new FailBack();
    private final StartJudge judge = new StartJudge();
    private String moveNode;
    private boolean evictKeepMasked;
    /** A host fault (systemd unreachable) paused the last start or stop; it is retried, never counted. */
    private boolean hostPaused;
    private long failedAtMs;
    private long startIssuedMs;

    // per-step scratch
    private long now;
    private Input input;
    private List<Command> out;
    private final DecisionJournal journal = new DecisionJournal();

    public Promoter(PromoterSettings settings) {
        this.settings = settings;
    }

    /** Handles one input at time {@code nowMs} and returns the commands to execute, in order. */
    public List<Command> handle(Input in, long nowMs) {
        now = nowMs;
        input = in;
        out = ops.begin();
        journal.begin();
        if (in instanceof ViewChanged) {
            onView(((ViewChanged) in).view());
        } else if (in instanceof DumpComplete) {
            onDump((DumpComplete) in);
        } else if (in instanceof StreamLost) {
            onStreamLost();
        } else if (in instanceof JobFinished) {
            onJob((JobFinished) in);
        } else if (in instanceof TimerFired) {
            onTimer(((TimerFired) in).id());
        } else if (in instanceof UnitStateChanged) {
            onUnit((UnitStateChanged) in);
        } else if (in instanceof Evict) {
            onEvict((Evict) in);
        } else if (in instanceof Move) {
            onMove((Move) in);
        } else if (in instanceof Disable) {
            onDisable((Disable) in);
        } else if (in instanceof Enable) {
            onEnable();
        } else if (in instanceof ManagerReachable) {
            onManagerReachable();
        } else if (in instanceof ConfigChanged) {
            onConfig(((ConfigChanged) in).settings());
        } else if (in instanceof Shutdown) {
            onShutdown();
        }
        return journal.finish(out, now, settings.resource(), input);
    }

    // ---------------------------------------------------------------- inputs

    private void onView(ResourceView v) {
        if (v == null || !v.name().equals(settings.resource())) {
            return;
        }
        prevView = view;
        view = v;
        if (!dumpComplete) {
            return; // a partial view: stored, never acted on
        }
        failBack.observe(v);
        evaluate();
    }

    private void onDump(DumpComplete d) {
        ResourceView before = view;
        view = d.view();
        targetState = d.target();
        dumpComplete = true;
        failBack.observe(view);
        if (state == PromoterState.UNKNOWN) {
            adopt();
        } else {
            prevView = before; // events2 restart: compare with what we knew before the loss
            evaluate();
        }
    }

    private void adopt() {
        if (settings.refused() != null) {
            refuse();
            return;
        }
        Adoption.Decision d = Adoption.decide(settings, view, targetState);
        if (d.sawPrimary()) {
            sawPrimary = true;
        }
        switch (d.outcome()) {
            case STOP:
                stopTarget(d.reason(), d.guard());
                break;
            case FROZEN:
                transition(PromoterState.FROZEN, d.reason(), d.guard());
                freezeUnits("quorum lost (adopted)");
                break;
            case START:
                if (d.failBackTo() != null) {
                    failBack.arm(d.failBackTo());
                }
                sawPrimary = true;
                transition(PromoterState.PENDING, d.reason(), d.guard()); // a start always goes through PENDING
                startTarget("starting the target of the adopted Primary", "no promote sleep: already Primary");
                break;
            default:
                transition(d.outcome() == Adoption.Outcome.ACTIVE ? PromoterState.ACTIVE : PromoterState.IDLE, d.reason(), d.guard());
                evaluate();
        }
    }

    private void onStreamLost() {
        dumpComplete = false;
        if (state == PromoterState.PENDING) {
            cancelTimer(TimerId.Kind.PROMOTE);
            transition(PromoterState.IDLE, "events2 stream lost: no start on a partial view", "dump incomplete");
        }
    }

    private void onJob(JobFinished j) {
        if (!ops.awaits(j.op())) {
            return; // stale: a newer operation superseded it
        }
        ops.done();
        if (j.result() == JobResult.UNREACHABLE && (state == PromoterState.STARTING || state == PromoterState.STOPPING)) {
            hostFault(j);
            return;
        }
        switch (state) {
            case STARTING:
                if (j.activeState() != null && j.activeState() != UnitActiveState.UNKNOWN) {
                    targetState = j.activeState();
                }
                onStartResult(j);
                break;
            case STOPPING:
                if (j.result() != JobResult.DONE) {
                    warnNote("stop failed: " + lower(j.result()) + "; demote fallback and escalation run in the units",
                            "stop job " + lower(j.result()));
                }
                targetState = j.result() == JobResult.DONE ? UnitActiveState.INACTIVE : targetState;
                transition(PromoterState.IDLE, "target stopped" + (j.result() == JobResult.DONE ? "" : " (with errors)"),
                        "stop job " + lower(j.result()));
                evaluate();
                break;
            case FROZEN:
                if (j.result() != JobResult.DONE) {
                    stopTarget("freeze failed (" + lower(j.result()) + detail(j) + "): stopping instead",
                            "freeze job " + lower(j.result()));
                }
                break;
            default:
                if (j.result() != JobResult.DONE) {
                    warnNote("operation failed in state " + state + ": " + lower(j.result()) + detail(j),
                            "job " + lower(j.result()));
                }
        }
    }

    private void onStartResult(JobFinished j) {
        boolean lostRace = j.result() == JobResult.SKIPPED
                || (j.result() == JobResult.DEPENDENCY && Boolean.FALSE.equals(j.conditionResult()));
        if (j.result() == JobResult.DONE && j.activeState() != null && j.activeState().isUp() && judge.firstFailed() != null) {
            startFailed("start unit " + judge.firstFailed() + " failed during the start",
                    "start job done, failed start units " + judge.failedUnits());
        } else if (j.result() == JobResult.DONE && j.activeState() != null && j.activeState().isUp()) {
            sawPrimary = view != null && view.isPrimary();
            judge.active(now);
            transition(PromoterState.ACTIVE, "target active", "start job done, ActiveState " + lower(j.activeState()));
            evaluate();
        } else if (lostRace) {
            accounting.release(now);
            transition(PromoterState.IDLE, "lost the promotion race (promote condition not met)", "start job " + lower(j.result()) + ", condition false");
            if (promotable()) {
                // events2 has not caught up with the winner yet: wait before trying again
                Duration sleep = promoteSleep().plus(DAMPING_BASE);
                transition(PromoterState.PENDING, "still promotable after a lost race; retrying in " + human(sleep), "may_promote yes");
                schedule(TimerId.Kind.PROMOTE, sleep);
            }
        } else {
            startFailed("start failed: " + lower(j.result())
                    + (j.activeState() != null && j.result() == JobResult.DONE ? " but ActiveState " + lower(j.activeState()) : "")
                    + detail(j), "start job " + lower(j.result()));
        }
    }

    /**
     * systemd or its bus is not reachable: a fault of the host, not of this node's resource. Nothing is counted;
     * a start waits in BACKOFF, a stop stays STOPPING, and both are retried (at once when systemd is back).
     */
    private void hostFault(JobFinished j) {
        hostPaused = true;
        Duration retry = settings.backoffInitial();
        if (state == PromoterState.STARTING) {
            transition(PromoterState.BACKOFF, "systemd not reachable: start not counted as a failure; retrying in " + human(retry)
                    + detail(j), "start job unreachable (host fault)", "warn");
        } else {
            warnNote("systemd not reachable: stop paused, retrying in " + human(retry) + detail(j), "stop job unreachable (host fault)");
        }
        schedule(TimerId.Kind.RETRY, retry);
    }

    private void onManagerReachable() {
        if (!hostPaused) {
            return;
        }
        if (state == PromoterState.BACKOFF) {
            hostPaused = false;
            cancelTimer(TimerId.Kind.RETRY);
            transition(PromoterState.IDLE, "systemd reachable again: resuming", "host fault over");
            evaluate();
        } else if (state == PromoterState.STOPPING && ops.idle()) {
            hostPaused = false;
            cancelTimer(TimerId.Kind.RETRY);
            ops.stop(settings.target(), "systemd reachable again: stopping");
        }
    }

    private void startFailed(String reason, String guard) {
        accounting.failure(now);
        int n = accounting.failures(now, settings);
        if (n >= settings.maxFailures()) {
            transition(PromoterState.FAILED, reason + "; " + n + " failures within " + human(settings.failureWindow())
                    + ": giving up on this node", guard + ", failures " + n + " >= max-failures " + settings.maxFailures(), "error");
            ops.stop(settings.target(), "giving up after " + n + " failures");
            return;
        }
        Duration delay = StartAccounting.backoff(n, settings);
        transition(PromoterState.BACKOFF, reason + "; failure " + n + "/" + settings.maxFailures() + ", retry in " + human(delay),
                guard + ", failures " + n + " < max-failures " + settings.maxFailures(), "warn");
        ops.stop(settings.target(), "demote after failed start so a peer can take over");
        schedule(TimerId.Kind.RETRY, delay);
    }

    private void onTimer(TimerId id) {
        if (!timers.fired(id)) {
            return; // stale
        }
        switch (id.kind()) {
            case PROMOTE:
                if (state != PromoterState.PENDING) {
                    return;
                }
                if (dumpComplete && promotable()) {
                    startTarget("promotable after the sleep", "sleep over, may_promote yes");
                } else {
                    transition(PromoterState.IDLE, "no longer promotable when the sleep ended", "may_promote no");
                }
                break;
            case RETRY:
                if (state == PromoterState.STOPPING && hostPaused && ops.idle()) {
                    hostPaused = false;
                    ops.stop(settings.target(), "retrying the stop after a host fault");
                } else if (state == PromoterState.BACKOFF) {
                    hostPaused = false;
                    transition(PromoterState.IDLE, "backoff over", "retry timer");
                    evaluate();
                }
                break;
            case EVICT:
                if (state == PromoterState.EVICTED) {
                    transition(PromoterState.IDLE, "eviction expired", "evict timer");
                    evaluate();
                }
                break;
            case START_WATCH:
                onStartWatch();
                break;
            case FAILBACK:
                if (failBack.awaiting() != null) {
                    String peer = failBack.expire();
                    warnNote("fail-back to " + peer + " not answered within " + human(settings.failBackTimeout())
                            + ": promoting again; no fail-back to " + peer + " until its state changes",
                            peer + " UpToDate but not Primary");
                    evaluate();
                }
                break;
            case MOVE:
                moveNode = null;
                note("move expired", "move timer");
                evaluate();
                break;
            default:
                break;
        }
    }

    private void onUnit(UnitStateChanged u) {
        boolean isTarget = u.unit().equals(settings.target());
        if (isTarget) {
            targetState = u.state();
        }
        if (state == PromoterState.STARTING && !isTarget) {
            judge.unitState(u.unit(), u.state()); // judged when the start job ends
            return;
        }
        if (state != PromoterState.ACTIVE || !ops.idle()) {
            if (isTarget && state == PromoterState.IDLE && dumpComplete) {
                evaluate();
            }
            return;
        }
        boolean failed = u.state() == UnitActiveState.FAILED;
        if (isTarget && !failed && !u.state().isUp() && u.state() != UnitActiveState.DEACTIVATING) {
            transition(PromoterState.IDLE, "target stopped outside reactord", "target " + lower(u.state()));
            evaluate();
            return;
        }
        if (failed && (isTarget || settings.units().contains(u.unit())) && judge.settling(settings, now)) {
            accounting.release(now);
            startFailed(u.unit() + " failed " + human(java.time.Duration.ofMillis(judge.activeForMs(now))) + " after the start",
                    "unit failed within start-settle " + human(settings.startSettle()));
            return;
        }
        if (failed && (isTarget || settings.units().contains(u.unit()))) {
            accounting.failure(now);
            accounting.release(now);
            int n = accounting.failures(now, settings);
            if (n >= settings.maxFailures()) {
                transition(PromoterState.FAILED, u.unit() + " failed; " + n + " failures within " + human(settings.failureWindow())
                        + ": releasing the resource", "unit failed, failures " + n + " >= max-failures " + settings.maxFailures(), "error");
                ops.stop(settings.target(), "giving up after " + n + " failures");
            } else {
                out.add(new Command.ResetFailed(u.unit()));
                transition(PromoterState.STARTING, u.unit() + " failed (failure " + n + "/" + settings.maxFailures() + "): restarting",
                        "unit failed, failures " + n + " < max-failures " + settings.maxFailures(), "warn");
                issueStart("restart after " + u.unit() + " failed");
            }
        }
    }

    private void onEvict(Evict e) {
        if (state == PromoterState.SHUT_DOWN || state == PromoterState.DISABLED || state == PromoterState.REFUSED
                || !dumpComplete && state == PromoterState.UNKNOWN) {
            note("evict ignored in state " + state, "state " + state);
            return;
        }
        evictKeepMasked = e.keepMasked();
        if (state == PromoterState.EVICTED) {
            return;
        }
        cancelTimer(TimerId.Kind.PROMOTE);
        cancelTimer(TimerId.Kind.RETRY);
        boolean holds = state.holdsTarget() || state == PromoterState.STOPPING || targetState.isUp();
        boolean wasFrozen = ops.frozen();
        transition(PromoterState.EVICTED, e.keepMasked() ? "evicted until enable" : "evicted", "operator request");
        if (holds) {
            if (wasFrozen) {
                thawUnits("evict");
            }
            ops.stop(settings.target(), "evicted by operator");
            accounting.release(now);
        }
        if (!e.keepMasked()) {
            schedule(TimerId.Kind.EVICT, e.duration() == null ? DEFAULT_EVICT_DURATION : e.duration());
        }
    }

    private void endMove() {
        moveNode = null;
        cancelTimer(TimerId.Kind.MOVE);
    }

    private void onMove(Move m) {
        moveNode = m.node();
        schedule(TimerId.Kind.MOVE, m.duration());
        note("prefer " + m.node() + " for " + human(m.duration()), "operator request");
        if (state == PromoterState.PENDING) {
            cancelTimer(TimerId.Kind.PROMOTE);
            schedule(TimerId.Kind.PROMOTE, promoteSleep());
        }
        evaluate();
    }

    private void onDisable(Disable d) {
        if (state == PromoterState.SHUT_DOWN || state == PromoterState.DISABLED) {
            return;
        }
        cancelAllTimers();
        boolean holds = state.holdsTarget() || targetState.isUp();
        transition(PromoterState.DISABLED, d.now() ? "disabled; stopping the target" : "disabled: hands off", "operator request");
        if (d.now() && holds) {
            if (ops.frozen()) {
                thawUnits("disable");
            }
            ops.stop(settings.target(), "disabled by operator");
        }
    }

    private void onEnable() {
        if (state == PromoterState.BACKOFF) {
            accounting.clear();
            cancelTimer(TimerId.Kind.RETRY);
            transition(PromoterState.IDLE, "enabled: fail counts cleared, no backoff", "operator request");
            evaluate();
            return;
        }
        if (state != PromoterState.DISABLED && state != PromoterState.FAILED && state != PromoterState.EVICTED) {
            if (accounting.failures(now, settings) > 0) {
                note("enabled: fail counts cleared", "operator request");
            }
            accounting.clear();
            return;
        }
        accounting.clear();
        failBack.clearAwaiting();
        cancelTimer(TimerId.Kind.EVICT);
        cancelTimer(TimerId.Kind.FAILBACK);
        if (view != null && view.isPrimary() && targetState.isUp() && ops.idle()) {
            sawPrimary = true;
            transition(PromoterState.ACTIVE, "enabled: Primary with active target", "operator request");
        } else {
            transition(PromoterState.IDLE, "enabled", "operator request");
        }
        evaluate();
    }

    private void onConfig(PromoterSettings s) {
        PromoterSettings old = settings;
        settings = s;
        if (old.equals(s)) {
            return;
        }
        note("configuration changed", "reload");
        if (s.refused() != null && state != PromoterState.DISABLED && state != PromoterState.UNKNOWN) {
            refuse();
            return;
        }
        if (state == PromoterState.REFUSED && s.refused() == null) {
            transition(PromoterState.IDLE, "managed again: " + old.refused() + " no longer holds", "reload");
            evaluate();
            return;
        }
        if (state == PromoterState.FAILED) {
            accounting.clearFailures();
            transition(PromoterState.IDLE, "configuration changed: failures reset", "reload");
        }
        if (state == PromoterState.ACTIVE && !old.units().equals(s.units())) {
            transition(PromoterState.STARTING, "start list changed: starting the target again", "reload, units changed");
            issueStart("start list changed");
            return;
        }
        if (state == PromoterState.PENDING) {
            cancelTimer(TimerId.Kind.PROMOTE);
            schedule(TimerId.Kind.PROMOTE, promoteSleep());
        }
        evaluate();
    }

    /** Hands off for good (until a reload): DRBD's options make managing this resource unsafe. */
    private void refuse() {
        if (state == PromoterState.REFUSED) {
            return;
        }
        cancelAllTimers();
        transition(PromoterState.REFUSED, "not managed: " + settings.refused(), "DRBD options", "error");
    }

    private void onShutdown() {
        if (state == PromoterState.SHUT_DOWN) {
            return;
        }
        cancelAllTimers();
        boolean stop = settings.stopServicesOnExit() && (state.holdsTarget() || state == PromoterState.STOPPING);
        if (stop && state == PromoterState.FROZEN) {
            thawUnits("exit");
        }
        transition(PromoterState.SHUT_DOWN, stop ? "exiting: stop-services-on-exit stops the target" : "exiting: services left running",
                "stop-services-on-exit " + settings.stopServicesOnExit());
        if (stop) {
            ops.stop(settings.target(), "stop-services-on-exit");
        }
    }

    // ---------------------------------------------------------------- level rules

    /** Applies the rules of the current state to the current view. */
    private void evaluate() {
        if (!dumpComplete || view == null) {
            return;
        }
        if (MoveRules.landed(settings, view, targetState.isUp() && state == PromoterState.ACTIVE, moveNode)) {
            note("move to " + moveNode + " landed", moveNode + " Primary");
            endMove();
        }
        switch (state) {
            case IDLE:
                if (promotable() && MoveRules.holdsBack(settings, view, moveNode)) {
                    note("holding back: moving to " + moveNode, moveNode + " connected and UpToDate");
                } else if (promotable() && failBack.holdsBack(settings, now)) {
                    note("holding back: failing back to " + failBack.awaiting(), failBack.awaiting()
                            + " connected and UpToDate, fail-back-timeout " + human(settings.failBackTimeout()) + " not over");
                } else if (promotable()) {
                    Duration sleep = promoteSleep();
                    transition(PromoterState.PENDING, "promotable; starting in " + human(sleep),
                            "may_promote yes, " + accounting.sleepExplain(settings, view, moveNode, now));
                    if (sleep.isZero()) {
                        startTarget("promotable, no sleep", "may_promote yes, sleep 0");
                    } else {
                        schedule(TimerId.Kind.PROMOTE, sleep);
                    }
                } else if (view.isPrimary() && targetState == UnitActiveState.ACTIVE) {
                    sawPrimary = true;
                    transition(PromoterState.ACTIVE, "target active on this Primary", "role primary, target active");
                    evaluate();
                }
                break;
            case PENDING:
                if (!promotable()) {
                    cancelTimer(TimerId.Kind.PROMOTE);
                    transition(PromoterState.IDLE, "no longer promotable: start cancelled", ReleaseGuards.whyNotPromotable(view));
                } else if (MoveRules.holdsBack(settings, view, moveNode)) {
                    cancelTimer(TimerId.Kind.PROMOTE);
                    transition(PromoterState.IDLE, "holding back: moving to " + moveNode, moveNode + " connected and UpToDate");
                }
                break;
            case ACTIVE:
                evaluateActive();
                break;
            case FROZEN:
                if (sawPrimary && !view.isPrimary()) {
                    thawUnits("forced Secondary");
                    stopTarget("DRBD forced this frozen node Secondary", "role " + lower(view.role()) + " while frozen");
                } else if (view.isPrimary() && view.quorate()) {
                    transition(PromoterState.ACTIVE, "quorum regained: thawing", "quorum yes on every volume");
                    thawUnits("quorum regained");
                }
                break;
            case FAILED:
                if (ops.idle() && promotable() && !ReleaseGuards.promotable(prevView)
                        && now - failedAtMs >= settings.backoffMax().toMillis()) {
                    transition(PromoterState.IDLE, "new may_promote edge " + human(Duration.ofMillis(now - failedAtMs))
                            + " after giving up: one fresh attempt", "may_promote no -> yes, backoff-max "
                            + human(settings.backoffMax()) + " over");
                    evaluate();
                }
                break;
            case EVICTED:
                if (!evictKeepMasked && view.peerPrimary() && ops.idle()) {
                    cancelTimer(TimerId.Kind.EVICT);
                    transition(PromoterState.IDLE, "a peer took over after the eviction", "peer Primary");
                }
                break;
            default:
                break;
        }
    }

    private void evaluateActive() {
        if (view.isPrimary()) {
            sawPrimary = true;
        }
        ReleaseGuards.Verdict v = ReleaseGuards.whileActive(settings, view, sawPrimary, moveNode, failBack.candidate(settings, view));
        for (ReleaseGuards.Note n : v.notes()) {
            note(n.reason(), n.guard());
        }
        if (v.action() != ReleaseGuards.Action.STAY) {
            accounting.release(now); // voluntary or not: every release counts for damping
        }
        if (v.failBackPeer() != null) {
            failBack.released(v.failBackPeer(), now);
            schedule(TimerId.Kind.FAILBACK, settings.failBackTimeout());
        }
        if (v.action() == ReleaseGuards.Action.FREEZE) {
            transition(PromoterState.FROZEN, v.reason(), v.guard());
            freezeUnits("quorum lost");
        } else if (v.action() == ReleaseGuards.Action.STOP) {
            stopTarget(v.reason(), v.guard());
        }
    }

    /** May this node start the target now? Only when DRBD says so (never forced). */
    boolean promotable() {
        return ReleaseGuards.promotable(view);
    }

    private Duration promoteSleep() {
        return accounting.promoteSleep(settings, view, moveNode, now);
    }

    // ---------------------------------------------------------------- actions

    private void startTarget(String reason, String guard) {
        transition(PromoterState.STARTING, reason, guard);
        issueStart(reason);
    }

    /** Starts the target; the start is judged once its units settle ({@link StartJudge}). */
    private void issueStart(String why) {
        judge.starting();
        startIssuedMs = now;
        ops.start(settings.target(), why);
        scheduleStartWatch();
    }

    /** The next look at a running start: the next warning, or start-timeout if that comes first. */
    private void scheduleStartWatch() {
        long left = startIssuedMs + settings.startTimeout().toMillis() - now;
        schedule(TimerId.Kind.START_WATCH, Duration.ofMillis(Math.max(0, Math.min(left, PromoterSettings.START_WARN_EVERY.toMillis()))));
    }

    private void onStartWatch() {
        if (state != PromoterState.STARTING || ops.idle()) {
            return;
        }
        Duration waited = Duration.ofMillis(now - startIssuedMs);
        if (waited.compareTo(settings.startTimeout()) >= 0) {
            startFailed("start did not finish within start-timeout " + human(settings.startTimeout()) + " (promotion or a unit hangs)",
                    "start job running for " + human(waited));
        } else {
            warnNote("start still running after " + human(waited) + "; it fails at start-timeout " + human(settings.startTimeout()),
                    "start job running");
            scheduleStartWatch();
        }
    }

    private void stopTarget(String reason, String guard) {
        transition(PromoterState.STOPPING, reason, guard);
        ops.stop(settings.target(), reason);
    }

    private void freezeUnits(String reason) {
        ops.freeze(settings.units(), reason);
        if (settings.units().isEmpty()) {
            note("freeze mode but no service units to freeze", "units empty");
        }
    }

    private void thawUnits(String reason) {
        ops.thaw(settings.units(), reason);
    }

    private void schedule(TimerId.Kind kind, Duration delay) {
        timers.schedule(settings.resource(), kind, delay, now, out);
    }

    private void cancelTimer(TimerId.Kind kind) {
        timers.cancel(kind, out);
    }

    private void cancelAllTimers() {
        timers.cancelAll(out);
    }

    // ---------------------------------------------------------------- transitions and journal

    private void transition(PromoterState to, String reason, String guard) {
        transition(to, reason, guard, "info");
    }

    /** The one path for state changes: checks the table, logs and journals. */
    private void transition(PromoterState to, String reason, String guard, String severity) {
        PromoterState from = state;
        if (!from.canGo(to)) {
            throw new IllegalStateException(settings.resource() + ": illegal transition " + from + " -> " + to + " (" + reason + ")");
        }
        if (from == PromoterState.STARTING) {
            cancelTimer(TimerId.Kind.START_WATCH);
        }
        journal.transition(settings.resource(), from, to, reason, guard, severity, out.size());
        state = to;
        stateSinceMs = now;
        if (to == PromoterState.FAILED) {
            failedAtMs = now;
        }
        lastReason = reason;
    }

    /** Journals a decision that does not change state (deduplicated while it repeats). */
    private void note(String reason, String guard) {
        journal.note(settings.resource(), state, reason, guard, out.size());
    }

    private void warnNote(String reason, String guard) {
        journal.warnNote(settings.resource(), state, reason, guard, out.size());
    }

    /** A command in one line, for the journal. */
    public static String describe(Command c) {
        return DecisionJournal.describe(c);
    }

    private static String detail(JobFinished j) {
        return j.detail() == null || j.detail().isEmpty() ? "" : " (" + j.detail() + ")";
    }

    // ---------------------------------------------------------------- read-only views

    public PromoterState state() {
        return state;
    }

    public PromoterSettings settings() {
        return settings;
    }

    /** A read-only status for reactorctl and metrics. */
    public Status status(long nowMs) {
        Long nextStart = timers.due(TimerId.Kind.PROMOTE);
        Long retry = timers.due(TimerId.Kind.RETRY);
        return new Status(settings.resource(), state, nowMs - stateSinceMs, lastReason, view, targetState,
                accounting.failures(nowMs, settings), settings.maxFailures(),
                nextStart != null ? nextStart - nowMs : retry != null ? retry - nowMs : -1, moveNode, dumpComplete);
    }

    /**
     * @param resource resource name
     * @param state current state
     * @param inStateMs how long in this state
     * @param reason why it is in this state
     * @param view last DRBD view (may be null)
     * @param target last known ActiveState of the target
     * @param failures failures in the current window
     * @param maxFailures the threshold
     * @param nextActionInMs time to the pending start/retry, -1 when none
     * @param moveTo node a move prefers, or null
     * @param stateComplete whether the initial dump was complete
     */
    public record Status(String resource, PromoterState state, long inStateMs, String reason, ResourceView view,
            UnitActiveState target, int failures, int maxFailures, long nextActionInMs, String moveTo, boolean stateComplete) {}
}
