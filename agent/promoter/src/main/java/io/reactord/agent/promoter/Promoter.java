package io.reactord.agent.promoter;

import static io.reactord.agent.promoter.DecisionJournal.human;
import static io.reactord.agent.promoter.DecisionJournal.lower;

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
 *   any ── DRBD quorum off + fencing dont-care ──▶ REFUSED ── reload fixes it ──▶ IDLE
 *   any ── shutdown ──▶ SHUT_DOWN (target stopped only with stop-services-on-exit)
 * </pre>
 *
 * <p>Safety rules enforced here: nothing is decided before the dump is complete; a start is only
 * commanded while {@code may_promote} is yes (the target itself promotes; a promotion is never
 * forced); a resource that is Primary with an active target is adopted without any command.
 *
 * <p>The legal transitions are data in {@link PromoterState}; the view guards are in {@link ReleaseGuards},
 * failure, backoff and promote-sleep accounting in {@link StartAccounting}, timers in {@link PromoterTimers},
 * logging and journal records in {@link DecisionJournal}, edge-triggered fail-back in {@link FailBack}, the judgement
 * of a start after its units settle in {@link StartJudge}; start results, unit failures, start-timeout and host
 * faults are handled in {@link StartSupervision}, operator requests and reloads in {@link OperatorInputs}. This class
 * holds the state and the rules of DRBD views and timers.
 */
public final class Promoter {
    /** How long a plain (not --keep-masked) eviction holds when nobody takes over. */
    public static final Duration DEFAULT_EVICT_DURATION = Duration.ofSeconds(60);

    PromoterSettings settings;
    PromoterState state = PromoterState.UNKNOWN;
    long stateSinceMs;
    String lastReason = "waiting for the initial events2 state";
    ResourceView view;
    ResourceView prevView;
    boolean dumpComplete;
    UnitActiveState targetState = UnitActiveState.UNKNOWN;
    boolean sawPrimary;
    final TargetOps ops = new TargetOps();
    final PromoterTimers timers = new PromoterTimers();
    final StartAccounting accounting = new StartAccounting();
    final FailBack failBack = new FailBack();
    final StartJudge judge = new StartJudge();
    String moveNode;
    boolean evictKeepMasked;
    /** A host fault (systemd unreachable) paused the last start or stop; it is retried, never counted. */
    boolean hostPaused;
    long failedAtMs;
    long startIssuedMs;

    // per-step scratch
    long now;
    Input input;
    List<Command> out;
    final DecisionJournal journal = new DecisionJournal();

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
            StartSupervision.onUnit(this, (UnitStateChanged) in);
        } else if (in instanceof Evict) {
            OperatorInputs.onEvict(this, (Evict) in);
        } else if (in instanceof Move) {
            OperatorInputs.onMove(this, (Move) in);
        } else if (in instanceof Disable) {
            OperatorInputs.onDisable(this, (Disable) in);
        } else if (in instanceof Enable) {
            OperatorInputs.onEnable(this);
        } else if (in instanceof ManagerReachable) {
            StartSupervision.onManagerReachable(this);
        } else if (in instanceof ConfigChanged) {
            OperatorInputs.onConfig(this, ((ConfigChanged) in).settings());
        } else if (in instanceof Shutdown) {
            OperatorInputs.onShutdown(this);
        } else {
            // Java 17 has no exhaustive switch over a sealed type: PromoterDispatchTest feeds every permitted input
            throw new IllegalArgumentException("unhandled input " + in.getClass().getName());
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
        failBack.observe(v, state.holdsTarget());
        evaluate();
    }

    private void onDump(DumpComplete d) {
        ResourceView before = view;
        view = d.view();
        targetState = d.target();
        dumpComplete = true;
        failBack.observe(view, state.holdsTarget());
        if (state == PromoterState.UNKNOWN) {
            adopt();
        } else {
            prevView = before; // events2 restart: compare with what we knew before the loss
            evaluate();
        }
    }

    private void adopt() {
        if (settings.refused() != null) {
            OperatorInputs.refuse(this);
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
            StartSupervision.hostFault(this, j);
            return;
        }
        switch (state) {
            case STARTING:
                if (j.activeState() != null && j.activeState() != UnitActiveState.UNKNOWN) {
                    targetState = j.activeState();
                }
                StartSupervision.onStartResult(this, j);
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




    void startFailed(String reason, String guard) {
        accounting.failure(now);
        journal.failureCounted();
        int n = accounting.failures(now, settings);
        if (n >= settings.maxFailures()) {
            transition(PromoterState.FAILED, reason + "; " + n + " failures within " + human(settings.failureWindow())
                    + ": giving up on this node", guard + ", failures " + n + " >= max-failures " + settings.maxFailures(), Severity.ERROR);
            ops.stop(settings.target(), "giving up after " + n + " failures");
            return;
        }
        Duration delay = StartAccounting.backoff(n, settings);
        transition(PromoterState.BACKOFF, reason + "; failure " + n + "/" + settings.maxFailures() + ", retry in " + human(delay),
                guard + ", failures " + n + " < max-failures " + settings.maxFailures(), Severity.WARN);
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
                StartSupervision.onStartWatch(this);
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










    // ---------------------------------------------------------------- level rules

    /** Applies the rules of the current state to the current view. */
    void evaluate() {
        if (!dumpComplete || view == null) {
            return;
        }
        if (MoveRules.landed(settings, view, targetState.isUp() && state == PromoterState.ACTIVE, moveNode)) {
            note("move to " + moveNode + " landed", moveNode + " Primary");
            OperatorInputs.endMove(this);
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

    Duration promoteSleep() {
        return accounting.promoteSleep(settings, view, moveNode, now);
    }

    // ---------------------------------------------------------------- actions

    void startTarget(String reason, String guard) {
        transition(PromoterState.STARTING, reason, guard);
        issueStart(reason);
    }

    /** Starts the target; the start is judged once its units settle ({@link StartJudge}). */
    void issueStart(String why) {
        judge.starting();
        startIssuedMs = now;
        ops.start(settings.target(), why);
        StartSupervision.scheduleStartWatch(this);
    }



    void stopTarget(String reason, String guard) {
        transition(PromoterState.STOPPING, reason, guard);
        ops.stop(settings.target(), reason);
    }

    void freezeUnits(String reason) {
        ops.freeze(settings.units(), reason);
        if (settings.units().isEmpty()) {
            note("freeze mode but no service units to freeze", "units empty");
        }
    }

    void thawUnits(String reason) {
        ops.thaw(settings.units(), reason);
    }

    void schedule(TimerId.Kind kind, Duration delay) {
        timers.schedule(settings.resource(), kind, delay, now, out);
    }

    void cancelTimer(TimerId.Kind kind) {
        timers.cancel(kind, out);
    }

    void cancelAllTimers() {
        timers.cancelAll(out);
    }

    // ---------------------------------------------------------------- transitions and journal

    void transition(PromoterState to, String reason, String guard) {
        transition(to, reason, guard, Severity.INFO);
    }

    /** The one path for state changes: checks the table, logs and journals. */
    void transition(PromoterState to, String reason, String guard, Severity severity) {
        PromoterState from = state;
        if (!from.canGo(to)) {
            throw new IllegalStateException(settings.resource() + ": illegal transition " + from + " -> " + to + " (" + reason + ")");
        }
        if (from == PromoterState.STARTING) {
            cancelTimer(TimerId.Kind.START_WATCH);
        }
        journal.transition(from, to, reason, guard, severity, out.size());
        state = to;
        stateSinceMs = now;
        if (to == PromoterState.FAILED) {
            failedAtMs = now;
        }
        lastReason = reason;
    }

    /** Journals a decision that does not change state (deduplicated while it repeats). */
    void note(String reason, String guard) {
        journal.note(state, reason, guard, out.size());
    }

    void warnNote(String reason, String guard) {
        journal.warnNote(state, reason, guard, out.size());
    }

    /** A command in one line, for the journal. */
    public static String describe(Command c) {
        return DecisionJournal.describe(c);
    }

    static String detail(JobFinished j) {
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
