package io.reactord.it.real;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The real backend reads units between two role readings: a unit that runs while both readings say Secondary
 * is an I1 violation only when the node was not promoted in between (fault scenario 16's fail-back once read a
 * starting mount on a node that was promoted and demoted again within one sample).
 */
final class PrimaryAroundTest {
    private static String[] reading(String role, long promotions) {
        return new String[] {role, "yes", "UpToDate", String.valueOf(promotions)};
    }

    @Test
    void primaryAround_secondaryAtBothReadingsNotPromoted_false() {
        assertFalse(RealSystemdBackend.primaryAround(reading("Secondary", 3), reading("Secondary", 3)));
    }

    @Test
    void primaryAround_secondaryAtBothReadingsPromotedInBetween_true() {
        assertTrue(RealSystemdBackend.primaryAround(reading("Secondary", 3), reading("Secondary", 4)));
    }

    @Test
    void primaryAround_primaryAtEitherReading_true() {
        assertTrue(RealSystemdBackend.primaryAround(reading("Primary", 1), reading("Secondary", 1)));
        assertTrue(RealSystemdBackend.primaryAround(reading("Secondary", 1), reading("Primary", 2)));
    }

    @Test
    void primaryAround_wentDownSecondary_false() {
        assertFalse(RealSystemdBackend.primaryAround(reading("Secondary", 1), null));
        assertFalse(RealSystemdBackend.primaryAround(reading("Secondary", 1), reading(RealSystemdBackend.DOWN, 1)));
    }

    /** Scenario 17 once read a starting mount on a node promoted after the first reading and crashed before the second. */
    @Test
    void primaryAround_promotedThenDownInBetween_true() {
        assertTrue(RealSystemdBackend.primaryAround(reading("Secondary", 1), reading(RealSystemdBackend.DOWN, 2)));
    }
}
