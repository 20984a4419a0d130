package io.reactord.agent.daemon;

import io.reactord.agent.core.JournalSink;
import io.reactord.agent.promoter.JournalEntry;
import io.reactord.agent.promoter.PromoterState;
import io.reactord.systemd.SystemdNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices demote failures escalated to {@code on-drbd-demote-failure}. An escalation is
 * {@code drbd-demote-or-escalate@RES.service} running <em>after a demotion that was attempted and failed</em>:
 * the resource's {@code drbd-promote@RES.service} went from deactivating (its stop, the demotion) to failed, or
 * the promoter's stop job of the target ended in a failure ({@link #stopFailed}, a typed report from the core).
 * The escalation unit also runs through {@code OnFailure=} after a failed <em>promotion</em> (the promote unit
 * failed while activating): nothing was demoted then, so that is logged as such and neither counted nor
 * journaled as an escalation. The two signals may come in either order; they belong together within
 * {@link #SAME_ESCALATION_MS}. Each escalation is counted, logged and journaled (severity {@code warn}) once.
 * Loop thread only.
 */
final class Escalations {
    private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);
    /** Signals of one resource this close together belong to one escalation. */
    static final long SAME_ESCALATION_MS = 60_000;
    private static final String ESCALATE_PREFIX = "drbd-demote-or-escalate@";
    private static final String PROMOTE_PREFIX = "drbd-promote@";

    private final JournalSink journal;
    private final Consumer<String> counter;
    private final LongSupplier nowMs;
    private final Function<String, PromoterState> stateOf;
    private final Map<String, Long> countedAtMs = new HashMap<>();
    private final Map<String, Long> demoteFailedAtMs = new HashMap<>();
    private final Map<String, String> demoteFailure = new HashMap<>();
    private final Map<String, Long> promoteFailedAtMs = new HashMap<>();
    private final Map<String, Long> escalateRanAtMs = new HashMap<>();
    private final Map<String, String> promoteStates = new HashMap<>();
    private final Set<String> running = new HashSet<>();

    /**
     * {@code journal} receives the escalation records; {@code counter} is told each escalation's resource;
     * {@code nowMs} is the loop clock; {@code stateOf} gives a resource's promoter state (null when unmanaged).
     */
    Escalations(JournalSink journal, Consumer<String> counter, LongSupplier nowMs, Function<String, PromoterState> stateOf) {
        this.journal = journal;
        this.counter = counter;
        this.nowMs = nowMs;
        this.stateOf = stateOf;
    }

    /** A unit's ActiveState changed; {@code resources} are the managed ones. */
    void unitChanged(String unit, String activeState, Collection<String> resources) {
        if (unit.startsWith(PROMOTE_PREFIX)) {
            String res = owner(unit, resources, true);
            String before = promoteStates.put(unit, activeState);
            if (res != null && "failed".equals(activeState) && before != null) {
                if ("deactivating".equals(before) || "active".equals(before)) {
                    demotionFailed(res, unit + " failed while stopping (the demotion)");
                } else if ("activating".equals(before)) {
                    promoteFailedAtMs.put(res, nowMs.getAsLong());
                }
            }
            return;
        }
        if (!unit.startsWith(ESCALATE_PREFIX)) {
            return;
        }
        boolean up = "activating".equals(activeState) || "active".equals(activeState) || "reloading".equals(activeState);
        if (!up) {
            running.remove(unit);
            return;
        }
        if (!running.add(unit)) {
            return;
        }
        String res = owner(unit, resources, false);
        if (res == null) {
            return;
        }
        long now = nowMs.getAsLong();
        escalateRanAtMs.put(res, now);
        if (recent(demoteFailedAtMs, res, now)) {
            escalated(res, "unit " + unit + " " + activeState, demoteFailure.get(res));
        } else if (recent(promoteFailedAtMs, res, now)) {
            LOG.info("{}: {} runs after a failed promotion, not after a failed demotion: not an escalation", res, unit);
        } else {
            LOG.info("{}: {} runs; counted as an escalation only if a failed demotion is reported within {} s",
                    res, unit, SAME_ESCALATION_MS / 1000);
        }
    }

    /** The core reports that a stop job of the resource's target ended in a failure (the demotion did not finish). */
    void stopFailed(String res, String unit, String detail) {
        demotionFailed(res, "stop job of " + unit + " " + detail);
    }

    private void demotionFailed(String res, String why) {
        long now = nowMs.getAsLong();
        demoteFailedAtMs.put(res, now);
        demoteFailure.put(res, why);
        if (recent(escalateRanAtMs, res, now)) {
            escalated(res, "demotion failed", why);
        }
    }

    private String owner(String unit, Collection<String> resources, boolean promote) {
        for (String res : resources) {
            String name = promote ? SystemdNames.promoteService(res) : SystemdNames.demoteOrEscalateService(res);
            if (name.equals(unit)) {
                return res;
            }
        }
        return null;
    }

    private static boolean recent(Map<String, Long> at, String res, long now) {
        Long t = at.get(res);
        return t != null && now - t < SAME_ESCALATION_MS;
    }

    private void escalated(String res, String input, String guard) {
        long now = nowMs.getAsLong();
        if (recent(countedAtMs, res, now)) {
            return;
        }
        countedAtMs.put(res, now);
        counter.accept(res);
        String reason = "demote failed: escalated to on-drbd-demote-failure";
        LOG.warn("{}: {} ({})", res, reason, guard);
        PromoterState st = stateOf.apply(res);
        PromoterState s = st == null ? PromoterState.UNKNOWN : st;
        journal.append(new JournalEntry(now, res, s, s, input, guard, reason, List.of(), io.reactord.agent.promoter.Severity.WARN));
    }
}
