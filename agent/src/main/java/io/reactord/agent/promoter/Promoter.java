package io.reactord.agent.promoter;

import io.reactord.agent.promoter.Input.ConfigChanged;
import io.reactord.agent.promoter.Input.Disable;
import io.reactord.agent.promoter.Input.DumpComplete;
import io.reactord.agent.promoter.Input.Enable;
import io.reactord.agent.promoter.Input.Evict;
import io.reactord.agent.promoter.Input.JobFinished;
import io.reactord.agent.promoter.Input.Move;
import io.reactord.agent.promoter.Input.Shutdown;
import io.reactord.agent.promoter.Input.StreamLost;
import io.reactord.agent.promoter.Input.TimerFired;
import io.reactord.agent.promoter.Input.UnitStateChanged;
import io.reactord.agent.promoter.Input.ViewChanged;
import io.reactord.agent.promoter.PromoterSettings.QuorumLossPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class Promoter {
    private static final Logger LOG = LoggerFactory.getLogger(Promoter.class);
    /** Base of the extra promote delay after involuntary releases (network flapping damping). */
    static final Duration DAMPING_BASE = Duration.ofSeconds(2);
    /** Extra promote delay on this node while a move to another node is in force. */
    static final Duration MOVE_AWAY_PENALTY = Duration.ofSeconds(10);
    /** Extra promote sleep of a Secondary in freeze mode (DESIGN §3.1). */
    static final Duration FREEZE_SECONDARY_DELAY = Duration.ofSeconds(2);
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
    private long opSeq;
    private long pendingOp = -1;
    private long timerSeq;
    private final Map<TimerId.Kind, TimerId> timers = new EnumMap<>(TimerId.Kind.class);
    private final Map<TimerId.Kind, Long> timerDue = new EnumMap<>(TimerId.Kind.class);
    private final FailureWindow failures = new FailureWindow();
    private final FailureWindow flaps = new FailureWindow();
    private String moveNode;
    private boolean evictKeepMasked;
    private String lastNote;

    // per-step scratch
    private long now;
    private Input input;
    private List<Command> out;
    private final List<Pending> journal = new ArrayList<>();

    public Promoter(PromoterSettings settings) {
        this.settings = settings;
    }

    /** Handles one input at time {@code nowMs} and returns the commands to execute, in order. */
    public List<Command> handle(Input in, long nowMs) {
        now = nowMs;
        input = in;
        out = new ArrayList<>();
        journal.clear();
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
        } else if (in instanceof ConfigChanged) {
            onConfig(((ConfigChanged) in).settings());
        } else if (in instanceof Shutdown) {
            onShutdown();
        }
        return finish();
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
        evaluate();
    }

    private void onDump(DumpComplete d) {
        ResourceView before = view;
        view = d.view();
        targetState = d.target();
        dumpComplete = true;
        if (state == PromoterState.UNKNOWN) {
            adopt();
        } else {
            prevView = before; // events2 restart: compare with what we knew before the loss
            evaluate();
        }
    }

    private void adopt() {
        boolean up = targetState.isUp();
        if (view == null) {
            if (up) {
                stopTarget("target active but resource " + settings.resource() + " does not exist in DRBD",
                        "adoption: no DRBD resource, target up");
            } else {
                transition(PromoterState.IDLE, "resource not present in DRBD", "adoption: no DRBD resource");
            }
            return;
        }
        if (view.isPrimary() && up) {
            sawPrimary = true;
            if (view.quorumLost()) {
                if (settings.onQuorumLoss() == QuorumLossPolicy.FREEZE && settings.runner() == PromoterSettings.Runner.SYSTEMD) {
                    transition(PromoterState.FROZEN, "adopted frozen: Primary without quorum", "adoption: Primary, target up, quorum:no, freeze");
                    freezeUnits("quorum lost (adopted)");
                } else {
                    stopTarget("adopted without quorum", "adoption: Primary, target up, quorum:no, shutdown");
                }
                return;
            }
            transition(PromoterState.ACTIVE, "adopted: Primary with active target", "adoption: Primary, target " + lower(targetState));
            evaluate();
            return;
        }
        if (up) {
            stopTarget("target active but DRBD is not Primary here", "adoption: role " + lower(view.role()) + ", target up");
            return;
        }
        transition(PromoterState.IDLE,
                view.isPrimary() ? "Primary but target inactive: not touching it" : "not running here",
                "adoption: role " + lower(view.role()) + ", target " + lower(targetState));
        evaluate();
    }

    private void onStreamLost() {
        dumpComplete = false;
        if (state == PromoterState.PENDING) {
            cancelTimer(TimerId.Kind.PROMOTE);
            transition(PromoterState.IDLE, "events2 stream lost: no start on a partial view", "dump incomplete");
        }
    }

    private void onJob(JobFinished j) {
        if (j.op() != pendingOp) {
            return; // stale: a newer operation superseded it
        }
        pendingOp = -1;
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
        if (j.result() == JobResult.DONE && j.activeState() != null && j.activeState().isUp()) {
            sawPrimary = view != null && view.isPrimary();
            transition(PromoterState.ACTIVE, "target active", "start job done, ActiveState " + lower(j.activeState()));
            evaluate();
        } else if (lostRace) {
            flaps.add(now);
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

    private void startFailed(String reason, String guard) {
        failures.add(now);
        int n = failures.count(now, settings.failureWindow());
        long op = ++opSeq;
        pendingOp = op;
        if (n >= settings.maxFailures()) {
            transition(PromoterState.FAILED, reason + "; " + n + " failures within " + human(settings.failureWindow())
                    + ": giving up on this node", guard + ", failures " + n + " >= max-failures " + settings.maxFailures(), "error");
            out.add(new Command.Stop(settings.target(), "giving up after " + n + " failures", op));
            return;
        }
        Duration delay = FailureWindow.backoff(n, settings.backoffInitial(), settings.backoffMax());
        transition(PromoterState.BACKOFF, reason + "; failure " + n + "/" + settings.maxFailures() + ", retry in " + human(delay),
                guard + ", failures " + n + " < max-failures " + settings.maxFailures(), "warn");
        out.add(new Command.Stop(settings.target(), "demote after failed start so a peer can take over", op));
        schedule(TimerId.Kind.RETRY, delay);
    }

    private void onTimer(TimerId id) {
        if (!id.equals(timers.get(id.kind()))) {
            return; // stale
        }
        timers.remove(id.kind());
        timerDue.remove(id.kind());
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
                if (state == PromoterState.BACKOFF) {
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
            case MOVE:
                moveNode = null;
                note("move preference expired", "move timer");
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
        if (state != PromoterState.ACTIVE || pendingOp != -1) {
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
        if (failed && (isTarget || settings.units().contains(u.unit()))) {
            failures.add(now);
            flaps.add(now);
            int n = failures.count(now, settings.failureWindow());
            if (n >= settings.maxFailures()) {
                long op = ++opSeq;
                pendingOp = op;
                transition(PromoterState.FAILED, u.unit() + " failed; " + n + " failures within " + human(settings.failureWindow())
                        + ": releasing the resource", "unit failed, failures " + n + " >= max-failures " + settings.maxFailures(), "error");
                out.add(new Command.Stop(settings.target(), "giving up after " + n + " failures", op));
            } else {
                out.add(new Command.ResetFailed(u.unit()));
                long op = ++opSeq;
                pendingOp = op;
                transition(PromoterState.STARTING, u.unit() + " failed (failure " + n + "/" + settings.maxFailures() + "): restarting",
                        "unit failed, failures " + n + " < max-failures " + settings.maxFailures(), "warn");
                out.add(new Command.ResetFailed(settings.target()));
                out.add(new Command.Start(settings.target(), "restart after " + u.unit() + " failed", op));
            }
        }
    }

    private void onEvict(Evict e) {
        if (state == PromoterState.SHUT_DOWN || state == PromoterState.DISABLED || !dumpComplete && state == PromoterState.UNKNOWN) {
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
        boolean wasFrozen = frozen;
        transition(PromoterState.EVICTED, e.keepMasked() ? "evicted until enable" : "evicted", "operator request");
        if (holds) {
            if (wasFrozen) {
                thawUnits("evict");
            }
            long op = ++opSeq;
            pendingOp = op;
            out.add(new Command.Stop(settings.target(), "evicted by operator", op));
        }
        if (!e.keepMasked()) {
            schedule(TimerId.Kind.EVICT, e.duration() == null ? DEFAULT_EVICT_DURATION : e.duration());
        }
    }

    private boolean frozen;

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
            if (frozen) {
                thawUnits("disable");
            }
            long op = ++opSeq;
            pendingOp = op;
            out.add(new Command.Stop(settings.target(), "disabled by operator", op));
        }
    }

    private void onEnable() {
        if (state != PromoterState.DISABLED && state != PromoterState.FAILED && state != PromoterState.EVICTED) {
            return;
        }
        failures.clear();
        flaps.clear();
        cancelTimer(TimerId.Kind.EVICT);
        if (view != null && view.isPrimary() && targetState.isUp() && pendingOp == -1) {
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
        if (state == PromoterState.FAILED) {
            failures.clear();
            transition(PromoterState.IDLE, "configuration changed: failures reset", "reload");
        }
        if (state == PromoterState.ACTIVE && !old.units().equals(s.units())) {
            long op = ++opSeq;
            pendingOp = op;
            transition(PromoterState.STARTING, "start list changed: starting the target again", "reload, units changed");
            out.add(new Command.ResetFailed(s.target()));
            out.add(new Command.Start(s.target(), "start list changed", op));
            return;
        }
        if (state == PromoterState.PENDING) {
            cancelTimer(TimerId.Kind.PROMOTE);
            schedule(TimerId.Kind.PROMOTE, promoteSleep());
        }
        evaluate();
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
            long op = ++opSeq;
            pendingOp = op;
            out.add(new Command.Stop(settings.target(), "stop-services-on-exit", op));
        }
    }

    // ---------------------------------------------------------------- level rules

    /** Applies the rules of the current state to the current view. */
    private void evaluate() {
        if (!dumpComplete || view == null) {
            return;
        }
        switch (state) {
            case IDLE:
                if (promotable()) {
                    Duration sleep = promoteSleep();
                    transition(PromoterState.PENDING, "promotable; starting in " + human(sleep),
                            "may_promote yes, " + sleepExplain());
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
                    transition(PromoterState.IDLE, "no longer promotable: start cancelled", whyNotPromotable());
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
            case EVICTED:
                if (!evictKeepMasked && view.peerPrimary() && pendingOp == -1) {
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
        if (sawPrimary && !view.isPrimary()) {
            flaps.add(now);
            stopTarget("DRBD is no longer Primary here", "role " + lower(view.role()));
            return;
        }
        if (view.quorumLost()) {
            flaps.add(now);
            if (settings.onQuorumLoss() == QuorumLossPolicy.FREEZE && settings.runner() == PromoterSettings.Runner.SYSTEMD) {
                transition(PromoterState.FROZEN, "quorum lost: freezing the services", "quorum:no, on-quorum-loss freeze");
                freezeUnits("quorum lost");
            } else {
                stopTarget("quorum lost", "quorum:no, on-quorum-loss shutdown");
            }
            return;
        }
        if (settings.onDiskDetach() == PromoterSettings.DiskDetachPolicy.FAIL_OVER) {
            for (VolumeView v : view.volumes()) {
                if (v.client() || !v.disk().isDetached()) {
                    continue;
                }
                String peer = view.peers().stream().filter(p -> p.upToDate(v.volume())).map(PeerView::name).findFirst().orElse(null);
                if (peer != null) {
                    flaps.add(now);
                    stopTarget("local disk of volume " + v.volume() + " " + lower(v.disk()) + ": failing over to UpToDate " + peer,
                            "disk " + lower(v.disk()) + ", on-disk-detach fail-over, peer " + peer + " UpToDate");
                    return;
                }
                note("local disk of volume " + v.volume() + " " + lower(v.disk()) + " but no UpToDate peer: staying",
                        "on-disk-detach fail-over, no UpToDate peer");
            }
        }
        if (moveNode != null && !moveNode.equals(settings.localNode())) {
            stopTarget("moving to " + moveNode, "move in force");
            return;
        }
        if (moveNode == null && settings.preferredNodesPolicy() == PromoterSettings.PreferredNodesPolicy.ALWAYS
                && !settings.preferredNodes().isEmpty()) {
            int mine = settings.preferredIndex(settings.localNode());
            for (PeerView p : view.peers()) {
                if (settings.preferredNodes().contains(p.name()) && settings.preferredIndex(p.name()) < mine && p.upToDate()) {
                    stopTarget("fail-back: preferred node " + p.name() + " is UpToDate",
                            "preferred-nodes-policy always, " + p.name() + " index " + settings.preferredIndex(p.name()) + " < " + mine);
                    return;
                }
            }
        }
    }

    /** May this node start the target now? Only when DRBD says so (never forced). */
    boolean promotable() {
        return view != null && view.mayPromote() && !view.isPrimary() && !view.forceIoFailures() && view.quorate();
    }

    private String whyNotPromotable() {
        if (view == null) {
            return "no DRBD state";
        }
        if (view.isPrimary()) {
            return "already Primary";
        }
        if (view.quorumLost()) {
            return "quorum:no";
        }
        if (view.forceIoFailures()) {
            return "force-io-failures";
        }
        if (view.peerPrimary()) {
            return "peer Primary";
        }
        return "may_promote no";
    }

    /** The promote sleep of DESIGN §3.1, plus flapping damping and a move-away penalty. */
    Duration promoteSleep() {
        long ms = Math.round(baseSleepSeconds() * 1000.0 * settings.sleepBeforePromoteFactor());
        int k = flaps.count(now, settings.failureWindow());
        ms += k >= 2 ? FailureWindow.backoff(k - 1, DAMPING_BASE, settings.backoffMax()).toMillis() : 0;
        if (moveNode != null && !moveNode.equals(settings.localNode())) {
            ms += MOVE_AWAY_PENALTY.toMillis();
        }
        return Duration.ofMillis(ms);
    }

    private double baseSleepSeconds() {
        double s = view == null ? 6 : view.diskPenaltySeconds();
        s += settings.localNode().equals(moveNode) ? 0 : settings.preferredIndex(settings.localNode());
        if (settings.fencingConfigured()) {
            s += settings.fencingPromoteDelay().toMillis() / 1000.0;
        }
        if (settings.onQuorumLoss() == QuorumLossPolicy.FREEZE && view != null && !view.isPrimary()) {
            s += FREEZE_SECONDARY_DELAY.toSeconds();
        }
        return s;
    }

    private String sleepExplain() {
        StringBuilder b = new StringBuilder("sleep = (disk ").append(view.diskPenaltySeconds())
                .append(" + preferred ").append(settings.localNode().equals(moveNode) ? 0 : settings.preferredIndex(settings.localNode()));
        if (settings.fencingConfigured()) {
            b.append(" + fencing ").append(human(settings.fencingPromoteDelay()));
        }
        if (settings.onQuorumLoss() == QuorumLossPolicy.FREEZE && !view.isPrimary()) {
            b.append(" + freeze 2");
        }
        b.append(") x ").append(settings.sleepBeforePromoteFactor());
        int k = flaps.count(now, settings.failureWindow());
        if (k >= 2) {
            b.append(" + damping (").append(k).append(" releases)");
        }
        if (moveNode != null && !moveNode.equals(settings.localNode())) {
            b.append(" + move away");
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- actions

    private void startTarget(String reason, String guard) {
        long op = ++opSeq;
        pendingOp = op;
        transition(PromoterState.STARTING, reason, guard);
        out.add(new Command.ResetFailed(settings.target()));
        out.add(new Command.Start(settings.target(), reason, op));
    }

    private void stopTarget(String reason, String guard) {
        long op = ++opSeq;
        pendingOp = op;
        transition(PromoterState.STOPPING, reason, guard);
        out.add(new Command.Stop(settings.target(), reason, op));
    }

    private void freezeUnits(String reason) {
        frozen = true;
        for (String u : settings.units()) {
            long op = ++opSeq;
            pendingOp = op; // the last freeze's result is awaited; earlier failures show in the unit state
            out.add(new Command.Freeze(u, reason, op));
        }
        if (settings.units().isEmpty()) {
            note("freeze mode but no service units to freeze", "units empty");
        }
    }

    private void thawUnits(String reason) {
        if (!frozen) {
            return;
        }
        frozen = false;
        for (String u : settings.units()) {
            out.add(new Command.Thaw(u, reason, ++opSeq));
        }
        pendingOp = -1;
    }

    private void schedule(TimerId.Kind kind, Duration delay) {
        cancelTimer(kind);
        TimerId id = new TimerId(settings.resource(), kind, ++timerSeq);
        timers.put(kind, id);
        timerDue.put(kind, now + delay.toMillis());
        out.add(new Command.ScheduleTimer(id, delay));
    }

    private void cancelTimer(TimerId.Kind kind) {
        TimerId id = timers.remove(kind);
        timerDue.remove(kind);
        if (id != null) {
            out.add(new Command.CancelTimer(id));
        }
    }

    private void cancelAllTimers() {
        for (TimerId.Kind k : TimerId.Kind.values()) {
            cancelTimer(k);
        }
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
        String line = settings.resource() + ": " + from + " -> " + to + " (" + reason + ")";
        if ("info".equals(severity)) {
            LOG.info(line);
        } else if ("warn".equals(severity)) {
            LOG.warn(line);
        } else {
            LOG.error(line);
        }
        state = to;
        stateSinceMs = now;
        lastReason = reason;
        lastNote = null;
        journal.add(new Pending(from, to, guard, reason, severity, out.size()));
    }

    /** Journals a decision that does not change state (deduplicated while it repeats). */
    private void note(String reason, String guard) {
        if (reason.equals(lastNote)) {
            return;
        }
        lastNote = reason;
        LOG.info("{}: {} ({})", settings.resource(), reason, state);
        journal.add(new Pending(state, state, guard, reason, "info", out.size()));
    }

    private void warnNote(String reason, String guard) {
        lastNote = reason;
        LOG.warn("{}: {}", settings.resource(), reason);
        journal.add(new Pending(state, state, guard, reason, "warn", out.size()));
    }

    private List<Command> finish() {
        if (journal.isEmpty()) {
            return out;
        }
        List<Command> result = new ArrayList<>(out.size() + journal.size());
        int from = 0;
        for (int i = 0; i < journal.size(); i++) {
            Pending p = journal.get(i);
            int end = i + 1 < journal.size() ? journal.get(i + 1).index : out.size();
            result.addAll(out.subList(from, p.index));
            List<Command> mine = out.subList(p.index, end);
            List<String> described = new ArrayList<>();
            for (Command c : mine) {
                if (!(c instanceof Command.ScheduleTimer) && !(c instanceof Command.CancelTimer)) {
                    described.add(describe(c));
                } else if (c instanceof Command.ScheduleTimer) {
                    Command.ScheduleTimer t = (Command.ScheduleTimer) c;
                    described.add("timer " + lower(t.id().kind()) + " in " + human(t.delay()));
                }
            }
            result.add(new Command.Journal(new JournalEntry(now, settings.resource(), p.from, p.to, input.describe(),
                    p.guard, p.reason, described, p.severity)));
            result.addAll(mine);
            from = end;
        }
        result.addAll(out.subList(from, out.size()));
        return result;
    }

    /** A command in one line, for the journal. */
    public static String describe(Command c) {
        if (c instanceof Command.Start) {
            return "start " + ((Command.Start) c).unit();
        } else if (c instanceof Command.Stop) {
            return "stop " + ((Command.Stop) c).unit();
        } else if (c instanceof Command.Freeze) {
            return "freeze " + ((Command.Freeze) c).unit();
        } else if (c instanceof Command.Thaw) {
            return "thaw " + ((Command.Thaw) c).unit();
        } else if (c instanceof Command.ResetFailed) {
            return "reset-failed " + ((Command.ResetFailed) c).unit();
        }
        return c.toString();
    }

    private static String detail(JobFinished j) {
        return j.detail() == null || j.detail().isEmpty() ? "" : " (" + j.detail() + ")";
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            long s = ms / 1000;
            return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : s + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
        Long nextStart = timerDue.get(TimerId.Kind.PROMOTE);
        Long retry = timerDue.get(TimerId.Kind.RETRY);
        return new Status(settings.resource(), state, nowMs - stateSinceMs, lastReason, view, targetState,
                failures.count(nowMs, settings.failureWindow()), settings.maxFailures(),
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

    private static final class Pending {
        final PromoterState from;
        final PromoterState to;
        final String guard;
        final String reason;
        final String severity;
        final int index;

        Pending(PromoterState from, PromoterState to, String guard, String reason, String severity, int index) {
            this.from = from;
            this.to = to;
            this.guard = guard;
            this.reason = reason;
            this.severity = severity;
            this.index = index;
        }
    }
}
