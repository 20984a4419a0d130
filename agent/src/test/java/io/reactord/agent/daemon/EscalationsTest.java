package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactord.agent.promoter.JournalEntry;
import io.reactord.agent.promoter.PromoterState;
import io.reactord.agent.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Escalations of failed demotes are counted and journaled once per escalation. */
final class EscalationsTest {
    private static final String UNIT = "drbd-demote-or-escalate@r0.service";

    private final VirtualScheduler clock = new VirtualScheduler();
    private final List<JournalEntry> journal = new ArrayList<>();
    private final List<String> counted = new ArrayList<>();
    private final Escalations esc = new Escalations(journal::add, counted::add, clock::millis,
            r -> r.equals("r0") ? PromoterState.STOPPING : null);
    private final List<String> managed = List.of("r0", "r1");

    @Test
    void unitChanged_sameStateSignalledTwice_countsOnce() {
        esc.unitChanged(UNIT, "activating", managed);
        esc.unitChanged(UNIT, "activating", managed);
        esc.unitChanged(UNIT, "active", managed);
        esc.unitChanged(UNIT, "active", managed);
        assertEquals(List.of("r0"), counted);
        assertEquals(1, journal.size());
        JournalEntry e = journal.get(0);
        assertEquals("warn", e.severity());
        assertEquals("r0", e.resource());
        assertEquals(PromoterState.STOPPING, e.from());
    }

    @Test
    void watch_failedStopAndEscalationUnit_oneEscalation() {
        JournalEntry failedStop = new JournalEntry(0, "r0", PromoterState.STOPPING, PromoterState.STOPPING, "job finished",
                "stop job failed", "stop failed: failed; demote fallback and escalation run in the units", List.of(), "warn");
        esc.watch(e -> { }).append(failedStop);
        clock.advanceBy(Duration.ofSeconds(2));
        esc.unitChanged(UNIT, "activating", managed);
        assertEquals(List.of("r0"), counted);
    }

    @Test
    void unitChanged_runsAgainLater_countsAgain() {
        esc.unitChanged(UNIT, "active", managed);
        esc.unitChanged(UNIT, "inactive", managed);
        clock.advanceBy(Duration.ofMinutes(5));
        esc.unitChanged(UNIT, "activating", managed);
        assertEquals(List.of("r0", "r0"), counted);
    }

    @Test
    void unitChanged_otherUnitsOrUnmanagedResource_ignored() {
        esc.unitChanged("drbd-services@r0.target", "active", managed);
        esc.unitChanged("drbd-demote-or-escalate@r9.service", "active", managed);
        esc.unitChanged(UNIT, "failed", managed);
        assertEquals(List.of(), counted);
        assertEquals(List.of(), journal);
    }
}
