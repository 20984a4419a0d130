package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactord.agent.promoter.JournalEntry;
import io.reactord.agent.promoter.PromoterState;
import io.reactord.agent.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Escalations are counted and journaled once, and only after a demotion that was attempted and failed. */
final class EscalationsTest {
    private static final String UNIT = "drbd-demote-or-escalate@r0.service";
    private static final String PROMOTE = "drbd-promote@r0.service";

    private final VirtualScheduler clock = new VirtualScheduler();
    private final List<JournalEntry> journal = new ArrayList<>();
    private final List<String> counted = new ArrayList<>();
    private final Escalations esc = new Escalations(journal::add, counted::add, clock::millis,
            r -> r.equals("r0") ? PromoterState.STOPPING : null);
    private final List<String> managed = List.of("r0", "r1");

    private void promote(String... states) {
        for (String s : states) {
            esc.unitChanged(PROMOTE, s, managed);
        }
    }

    @Test
    void unitChanged_demotionFailedThenEscalationUnit_countsOnceWhateverItSignals() {
        promote("activating", "active", "deactivating", "failed");
        esc.unitChanged(UNIT, "activating", managed);
        esc.unitChanged(UNIT, "activating", managed);
        esc.unitChanged(UNIT, "active", managed);
        assertEquals(List.of("r0"), counted);
        assertEquals(1, journal.size());
        JournalEntry e = journal.get(0);
        assertEquals(io.reactord.agent.promoter.Severity.WARN, e.severity());
        assertEquals("r0", e.resource());
        assertEquals(PromoterState.STOPPING, e.from());
        assertEquals("drbd-promote@r0.service failed while stopping (the demotion)", e.guard());
    }

    @Test
    void unitChanged_promotionFailedThenEscalationUnit_notAnEscalation() {
        promote("activating", "failed");
        esc.unitChanged(UNIT, "activating", managed);
        esc.unitChanged(UNIT, "failed", managed);
        assertEquals(List.of(), counted);
        assertEquals(List.of(), journal);
    }

    @Test
    void stopFailed_afterTheEscalationUnitRan_oneEscalation() {
        esc.unitChanged(UNIT, "activating", managed);
        assertEquals(List.of(), counted, "no failed demotion known yet");
        clock.advanceBy(Duration.ofSeconds(2));
        esc.stopFailed("r0", "drbd-services@r0.target", "failed");
        promote("deactivating", "failed");
        assertEquals(List.of("r0"), counted);
        assertEquals(1, journal.size());
    }

    @Test
    void stopFailed_withoutTheEscalationUnit_notAnEscalation() {
        esc.stopFailed("r0", "drbd-services@r0.target", "timeout");
        assertEquals(List.of(), counted);
    }

    @Test
    void unitChanged_runsAgainLaterAfterAnotherFailedDemotion_countsAgain() {
        promote("active", "deactivating", "failed");
        esc.unitChanged(UNIT, "active", managed);
        esc.unitChanged(UNIT, "inactive", managed);
        clock.advanceBy(Duration.ofMinutes(5));
        promote("activating", "failed");
        esc.unitChanged(UNIT, "activating", managed);
        assertEquals(List.of("r0"), counted, "the second run follows a failed promotion");
        esc.unitChanged(UNIT, "inactive", managed);
        clock.advanceBy(Duration.ofMinutes(5));
        promote("activating", "active", "deactivating", "failed");
        esc.unitChanged(UNIT, "activating", managed);
        assertEquals(List.of("r0", "r0"), counted);
    }

    @Test
    void unitChanged_otherUnitsOrUnmanagedResource_ignored() {
        esc.unitChanged("drbd-promote@r9.service", "deactivating", managed);
        esc.unitChanged("drbd-promote@r9.service", "failed", managed);
        esc.unitChanged("drbd-services@r0.target", "active", managed);
        esc.unitChanged("drbd-demote-or-escalate@r9.service", "active", managed);
        esc.unitChanged(UNIT, "failed", managed);
        assertEquals(List.of(), counted);
        assertEquals(List.of(), journal);
    }
}
