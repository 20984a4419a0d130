package io.reactord.agent.promoter;

import static io.reactord.agent.promoter.DecisionJournal.human;
import static io.reactord.agent.promoter.DecisionJournal.lower;
import static io.reactord.agent.promoter.Promoter.detail;
import static io.reactord.agent.promoter.StartAccounting.DAMPING_BASE;

import io.reactord.agent.promoter.Input.JobFinished;
import io.reactord.agent.promoter.Input.UnitStateChanged;
import java.time.Duration;

/**
 * The start side of a {@link Promoter}'s rules, as functions of the promoter's state: the result of a start job
 * (active, lost race, failed — judged with the start units' states, {@link StartJudge}), a unit that fails while the
 * target runs, a start that runs too long ({@code start-timeout}, warned while waiting), and host faults (systemd
 * not reachable: paused and retried, never counted). Runs on the promoter's step; pure like it.
 */
final class StartSupervision {
    private StartSupervision() {}

    /**
     * systemd or its bus is not reachable: a fault of the host, not of this node's resource. Nothing is counted;
     * a start waits in BACKOFF, a stop stays STOPPING, and both are retried (at once when systemd is back).
     */
    static void hostFault(Promoter p, JobFinished j) {
        p.hostPaused = true;
        Duration retry = p.settings.backoffInitial();
        if (p.state == PromoterState.STARTING) {
            p.transition(PromoterState.BACKOFF, "systemd not reachable: start not counted as a failure; retrying in " + human(retry)
                    + detail(j), "start job unreachable (host fault)", Severity.WARN);
        } else {
            p.warnNote("systemd not reachable: stop paused, retrying in " + human(retry) + detail(j), "stop job unreachable (host fault)");
        }
        p.schedule(TimerId.Kind.RETRY, retry);
    }

    static void onManagerReachable(Promoter p) {
        if (!p.hostPaused) {
            return;
        }
        if (p.state == PromoterState.BACKOFF) {
            p.hostPaused = false;
            p.cancelTimer(TimerId.Kind.RETRY);
            p.transition(PromoterState.IDLE, "systemd reachable again: resuming", "host fault over");
            p.evaluate();
        } else if (p.state == PromoterState.STOPPING && p.ops.idle()) {
            p.hostPaused = false;
            p.cancelTimer(TimerId.Kind.RETRY);
            p.ops.stop(p.settings.target(), "systemd reachable again: stopping");
        }
    }

    /** The next look at a running start: the next warning, or start-timeout if that comes first. */
    static void scheduleStartWatch(Promoter p) {
        long left = p.startIssuedMs + p.settings.startTimeout().toMillis() - p.now;
        p.schedule(TimerId.Kind.START_WATCH, Duration.ofMillis(Math.max(0, Math.min(left, PromoterSettings.START_WARN_EVERY.toMillis()))));
    }

    static void onStartWatch(Promoter p) {
        if (p.state != PromoterState.STARTING || p.ops.idle()) {
            return;
        }
        Duration waited = Duration.ofMillis(p.now - p.startIssuedMs);
        if (waited.compareTo(p.settings.startTimeout()) >= 0) {
            p.startFailed("start did not finish within start-timeout " + human(p.settings.startTimeout()) + " (promotion or a unit hangs)",
                    "start job running for " + human(waited));
        } else {
            p.warnNote("start still running after " + human(waited) + "; it fails at start-timeout " + human(p.settings.startTimeout()),
                    "start job running");
            scheduleStartWatch(p);
        }
    }

    static void onStartResult(Promoter p, JobFinished j) {
        boolean lostRace = j.result() == JobResult.SKIPPED
                || (j.result() == JobResult.DEPENDENCY && Boolean.FALSE.equals(j.conditionResult()));
        if (j.result() == JobResult.DONE && j.activeState() != null && j.activeState().isUp() && p.judge.firstFailed() != null) {
            p.startFailed("start unit " + p.judge.firstFailed() + " failed during the start",
                    "start job done, failed start units " + p.judge.failedUnits());
        } else if (j.result() == JobResult.DONE && j.activeState() != null && j.activeState().isUp()) {
            p.sawPrimary = p.view != null && p.view.isPrimary();
            p.judge.active(p.now);
            p.transition(PromoterState.ACTIVE, "target active", "start job done, ActiveState " + lower(j.activeState()));
            p.evaluate();
        } else if (lostRace) {
            p.accounting.release(p.now);
            p.transition(PromoterState.IDLE, "lost the promotion race (promote condition not met)", "start job " + lower(j.result()) + ", condition false");
            if (p.promotable()) {
                // events2 has not caught up with the winner yet: wait before trying again
                Duration sleep = p.promoteSleep().plus(DAMPING_BASE);
                p.transition(PromoterState.PENDING, "still promotable after a lost race; retrying in " + human(sleep), "may_promote yes");
                p.schedule(TimerId.Kind.PROMOTE, sleep);
            }
        } else {
            p.startFailed("start failed: " + lower(j.result())
                    + (j.activeState() != null && j.result() == JobResult.DONE ? " but ActiveState " + lower(j.activeState()) : "")
                    + detail(j), "start job " + lower(j.result()));
        }
    }

    static void onUnit(Promoter p, UnitStateChanged u) {
        boolean isTarget = u.unit().equals(p.settings.target());
        if (isTarget) {
            p.targetState = u.state();
        }
        if (p.state == PromoterState.STARTING && !isTarget) {
            p.judge.unitState(u.unit(), u.state()); // judged when the start job ends
            return;
        }
        if (p.state != PromoterState.ACTIVE || !p.ops.idle()) {
            if (isTarget && p.state == PromoterState.IDLE && p.dumpComplete) {
                p.evaluate();
            }
            return;
        }
        boolean failed = u.state() == UnitActiveState.FAILED;
        if (isTarget && !failed && !u.state().isUp() && u.state() != UnitActiveState.DEACTIVATING) {
            p.transition(PromoterState.IDLE, "target stopped outside reactord", "target " + lower(u.state()));
            p.evaluate();
            return;
        }
        if (failed && (isTarget || p.settings.units().contains(u.unit())) && p.judge.settling(p.settings, p.now)) {
            p.accounting.release(p.now);
            p.startFailed(u.unit() + " failed " + human(java.time.Duration.ofMillis(p.judge.activeForMs(p.now))) + " after the start",
                    "unit failed within start-settle " + human(p.settings.startSettle()));
            return;
        }
        if (failed && (isTarget || p.settings.units().contains(u.unit()))) {
            p.accounting.failure(p.now);
            p.journal.failureCounted();
            p.accounting.release(p.now);
            int n = p.accounting.failures(p.now, p.settings);
            if (n >= p.settings.maxFailures()) {
                p.transition(PromoterState.FAILED, u.unit() + " failed; " + n + " failures within " + human(p.settings.failureWindow())
                        + ": releasing the resource", "unit failed, failures " + n + " >= max-failures " + p.settings.maxFailures(), Severity.ERROR);
                p.ops.stop(p.settings.target(), "giving up after " + n + " failures");
            } else {
                p.out.add(new Command.ResetFailed(u.unit()));
                p.transition(PromoterState.STARTING, u.unit() + " failed (failure " + n + "/" + p.settings.maxFailures() + "): restarting",
                        "unit failed, failures " + n + " < max-failures " + p.settings.maxFailures(), Severity.WARN);
                p.issueStart("restart after " + u.unit() + " failed");
            }
        }
    }
}
