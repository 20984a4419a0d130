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
 * Notices demote failures escalated to {@code on-drbd-demote-failure}: {@code drbd-demote-or-escalate@RES.service}
 * becoming activating or active (a unit state change from systemd), or a failed stop of the target reported
 * by the promoter. Each escalation is counted, logged and journaled (severity {@code warn}) once: a repeated
 * state of the unit is not a new escalation, and signals of one resource within {@link #SAME_ESCALATION_MS}
 * of the one counted belong to it (the failed stop job and the escalation unit report the same failure, in
 * either order). Loop thread only.
 */
final class Escalations {
    private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);
    /** Signals of one resource this close to a counted escalation are the same escalation. */
    static final long SAME_ESCALATION_MS = 60_000;

    private final JournalSink journal;
    private final Consumer<String> counter;
    private final LongSupplier nowMs;
    private final Function<String, PromoterState> stateOf;
    private final Map<String, Long> countedAtMs = new HashMap<>();
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
        if (!unit.startsWith("drbd-demote-or-escalate@")) {
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
        for (String res : resources) {
            if (SystemdNames.demoteOrEscalateService(res).equals(unit)) {
                escalated(res, "unit " + unit + " " + activeState, unit + " " + activeState);
                return;
            }
        }
    }

    /** Wraps the promoter's journal: its report of a failed stop of the target is an escalation too. */
    JournalSink watch(JournalSink inner) {
        return e -> {
            inner.append(e);
            if (e.from() == PromoterState.STOPPING && e.to() == PromoterState.STOPPING && "warn".equals(e.severity())
                    && e.guard().startsWith("stop job ")) {
                escalated(e.resource(), e.input(), e.guard());
            }
        };
    }

    private void escalated(String res, String input, String guard) {
        long now = nowMs.getAsLong();
        Long last = countedAtMs.get(res);
        if (last != null && now - last < SAME_ESCALATION_MS) {
            return;
        }
        countedAtMs.put(res, now);
        counter.accept(res);
        String reason = "demote failed: escalated to on-drbd-demote-failure";
        LOG.warn("{}: {} ({})", res, reason, guard);
        PromoterState st = stateOf.apply(res);
        PromoterState s = st == null ? PromoterState.UNKNOWN : st;
        journal.append(new JournalEntry(now, res, s, s, input, guard, reason, List.of(), "warn"));
    }
}
