package io.reactord.agent.promoter;

import static io.reactord.agent.promoter.DecisionJournal.human;

import io.reactord.agent.promoter.Input.Disable;
import io.reactord.agent.promoter.Input.Evict;
import io.reactord.agent.promoter.Input.Move;

/**
 * The operator's and the agent's requests to a {@link Promoter}, as functions of its state: evict, move, disable,
 * enable (clears FAILED and the fail counts), a reloaded configuration (also a resource refused for its DRBD
 * options), and shutdown. Runs on the promoter's step; pure like it.
 */
final class OperatorInputs {
    private OperatorInputs() {}

    static void onEvict(Promoter p, Evict e) {
        if (p.state == PromoterState.SHUT_DOWN || p.state == PromoterState.DISABLED || p.state == PromoterState.REFUSED
                || !p.dumpComplete && p.state == PromoterState.UNKNOWN) {
            p.note("evict ignored in state " + p.state, "state " + p.state);
            return;
        }
        p.evictKeepMasked = e.keepMasked();
        if (p.state == PromoterState.EVICTED) {
            return;
        }
        p.cancelTimer(TimerId.Kind.PROMOTE);
        p.cancelTimer(TimerId.Kind.RETRY);
        boolean holds = p.state.holdsTarget() || p.state == PromoterState.STOPPING || p.targetState.isUp();
        boolean wasFrozen = p.ops.frozen();
        p.transition(PromoterState.EVICTED, e.keepMasked() ? "evicted until enable" : "evicted", "operator request");
        if (holds) {
            if (wasFrozen) {
                p.thawUnits("evict");
            }
            p.ops.stop(p.settings.target(), "evicted by operator");
            p.accounting.release(p.now);
        }
        if (!e.keepMasked()) {
            p.schedule(TimerId.Kind.EVICT, e.duration() == null ? Promoter.DEFAULT_EVICT_DURATION : e.duration());
        }
    }

    static void endMove(Promoter p) {
        p.moveNode = null;
        p.cancelTimer(TimerId.Kind.MOVE);
    }

    static void onMove(Promoter p, Move m) {
        p.moveNode = m.node();
        p.schedule(TimerId.Kind.MOVE, m.duration());
        p.note("prefer " + m.node() + " for " + human(m.duration()), "operator request");
        if (p.state == PromoterState.PENDING) {
            p.cancelTimer(TimerId.Kind.PROMOTE);
            p.schedule(TimerId.Kind.PROMOTE, p.promoteSleep());
        }
        p.evaluate();
    }

    static void onDisable(Promoter p, Disable d) {
        if (p.state == PromoterState.SHUT_DOWN || p.state == PromoterState.DISABLED) {
            return;
        }
        p.cancelAllTimers();
        boolean holds = p.state.holdsTarget() || p.targetState.isUp();
        p.transition(PromoterState.DISABLED, d.now() ? "disabled; stopping the target" : "disabled: hands off", "operator request");
        if (d.now() && holds) {
            if (p.ops.frozen()) {
                p.thawUnits("disable");
            }
            p.ops.stop(p.settings.target(), "disabled by operator");
        }
    }

    static void onEnable(Promoter p) {
        if (p.state == PromoterState.BACKOFF) {
            p.accounting.clear();
            p.cancelTimer(TimerId.Kind.RETRY);
            p.transition(PromoterState.IDLE, "enabled: fail counts cleared, no backoff", "operator request");
            p.evaluate();
            return;
        }
        if (p.state != PromoterState.DISABLED && p.state != PromoterState.FAILED && p.state != PromoterState.EVICTED) {
            if (p.accounting.failures(p.now, p.settings) > 0) {
                p.note("enabled: fail counts cleared", "operator request");
            }
            p.accounting.clear();
            return;
        }
        p.accounting.clear();
        p.failBack.clearAwaiting();
        p.cancelTimer(TimerId.Kind.EVICT);
        p.cancelTimer(TimerId.Kind.FAILBACK);
        if (p.view != null && p.view.isPrimary() && p.targetState.isUp() && p.ops.idle()) {
            p.sawPrimary = true;
            p.transition(PromoterState.ACTIVE, "enabled: Primary with active target", "operator request");
        } else {
            p.transition(PromoterState.IDLE, "enabled", "operator request");
            Adoption.Decision d = p.dumpComplete && p.ops.idle() ? Adoption.decide(p.settings, p.view, p.targetState) : null;
            if (d != null && d.outcome() == Adoption.Outcome.START) {
                // the half-started node adoption repairs (Primary, quorum, target inactive) is repaired on enable too
                if (d.failBackTo() != null) {
                    p.failBack.arm(d.failBackTo());
                }
                p.sawPrimary = true;
                p.transition(PromoterState.PENDING, "enabled: " + d.reason().replace("adopted ", ""), "enable, " + d.guard());
                p.startTarget("starting the target of this Primary", "no promote sleep: already Primary");
                return;
            }
        }
        p.evaluate();
    }

    static void onConfig(Promoter p, PromoterSettings s) {
        PromoterSettings old = p.settings;
        p.settings = s;
        if (old.equals(s)) {
            return;
        }
        p.note("configuration changed", "reload");
        if (s.refused() != null && p.state != PromoterState.DISABLED && p.state != PromoterState.UNKNOWN) {
            refuse(p);
            return;
        }
        if (p.state == PromoterState.REFUSED && s.refused() == null) {
            p.transition(PromoterState.IDLE, "managed again: " + old.refused() + " no longer holds", "reload");
            p.evaluate();
            return;
        }
        if (p.state == PromoterState.FAILED) {
            p.accounting.clearFailures();
            p.transition(PromoterState.IDLE, "configuration changed: failures reset", "reload");
        }
        if (p.state == PromoterState.ACTIVE && !old.units().equals(s.units())) {
            p.transition(PromoterState.STARTING, "start list changed: starting the target again", "reload, units changed");
            p.issueStart("start list changed");
            return;
        }
        if (p.state == PromoterState.PENDING) {
            p.cancelTimer(TimerId.Kind.PROMOTE);
            p.schedule(TimerId.Kind.PROMOTE, p.promoteSleep());
        }
        p.evaluate();
    }

    /** Hands off for good (until a reload): DRBD's options make managing this resource unsafe. */
    static void refuse(Promoter p) {
        if (p.state == PromoterState.REFUSED) {
            return;
        }
        p.cancelAllTimers();
        p.transition(PromoterState.REFUSED, "not managed: " + p.settings.refused(), "DRBD options", Severity.ERROR);
    }

    static void onShutdown(Promoter p) {
        if (p.state == PromoterState.SHUT_DOWN) {
            return;
        }
        p.cancelAllTimers();
        boolean stop = p.settings.stopServicesOnExit() && (p.state.holdsTarget() || p.state == PromoterState.STOPPING);
        if (stop && p.state == PromoterState.FROZEN) {
            p.thawUnits("exit");
        }
        p.transition(PromoterState.SHUT_DOWN, stop ? "exiting: stop-services-on-exit stops the target" : "exiting: services left running",
                "stop-services-on-exit " + p.settings.stopServicesOnExit());
        if (stop) {
            p.ops.stop(p.settings.target(), "stop-services-on-exit");
        }
    }
}
