package io.reactord.sim;

import static io.reactord.sim.QuorumCalculator.Vote.DISKLESS;
import static io.reactord.sim.QuorumCalculator.Vote.MISSING_DISKLESS;
import static io.reactord.sim.QuorumCalculator.Vote.OUTDATED;
import static io.reactord.sim.QuorumCalculator.Vote.PRESENT;
import static io.reactord.sim.QuorumCalculator.Vote.UNKNOWN;
import static io.reactord.sim.QuorumCalculator.Vote.UP_TO_DATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactord.sim.QuorumCalculator.Result;
import io.reactord.sim.QuorumCalculator.Vote;
import java.util.List;
import org.junit.jupiter.api.Test;

final class QuorumCalculatorTest {

    private static Result majority(boolean had, Vote... votes) {
        return QuorumCalculator.decide(QuorumSetting.MAJORITY, QuorumSetting.OFF, List.of(votes), had);
    }

    @Test
    void decide_quorumOff_alwaysYes() {
        assertEquals(Result.YES, QuorumCalculator.decide(QuorumSetting.OFF, QuorumSetting.OFF,
                List.of(UP_TO_DATE, UNKNOWN, UNKNOWN), false));
    }

    @Test
    void decide_threeNodesAllConnected_yes() {
        assertEquals(Result.YES, majority(true, UP_TO_DATE, UP_TO_DATE, UP_TO_DATE));
    }

    @Test
    void decide_twoOfThree_yes() {
        assertEquals(Result.YES, majority(true, UP_TO_DATE, UP_TO_DATE, UNKNOWN));
    }

    @Test
    void decide_aloneOfThree_no() {
        assertEquals(Result.NO, majority(true, UP_TO_DATE, UNKNOWN, UNKNOWN));
    }

    @Test
    void decide_connectedOutdatedPeerCountsAsPresent_yes() {
        assertEquals(Result.YES, majority(true, UP_TO_DATE, PRESENT, UNKNOWN));
    }

    @Test
    void decide_lastManStandingWithOutdatedPeers_yes() {
        assertEquals(Result.YES, majority(true, UP_TO_DATE, OUTDATED, OUTDATED));
    }

    @Test
    void decide_outdatedPeersStillVoteWhileAnotherIsUnknown_no() {
        assertEquals(Result.NO, majority(true, UP_TO_DATE, OUTDATED, UNKNOWN));
    }

    @Test
    void decide_minimumRedundancyNotMet_no() {
        assertEquals(Result.NO, QuorumCalculator.decide(QuorumSetting.MAJORITY, QuorumSetting.of(2),
                List.of(UP_TO_DATE, PRESENT, UNKNOWN), true));
        assertEquals(Result.YES, QuorumCalculator.decide(QuorumSetting.MAJORITY, QuorumSetting.of(2),
                List.of(UP_TO_DATE, UP_TO_DATE, UNKNOWN), true));
    }

    @Test
    void decide_quorumAll_needsEveryVoter() {
        assertEquals(Result.NO, QuorumCalculator.decide(QuorumSetting.ALL, QuorumSetting.OFF,
                List.of(UP_TO_DATE, UP_TO_DATE, UNKNOWN), true));
    }

    @Test
    void decide_disklessTiebreakerKeepsQuorumOnlyIfHadIt() {
        assertEquals(Result.BY_TIEBREAKER, majority(true, UP_TO_DATE, UNKNOWN, DISKLESS));
        assertEquals(Result.NO, majority(false, UP_TO_DATE, UNKNOWN, DISKLESS));
        assertEquals(Result.NO, majority(true, UP_TO_DATE, UNKNOWN, MISSING_DISKLESS));
    }

    @Test
    void decide_numericQuorum_usesTheNumber() {
        assertEquals(Result.YES, QuorumCalculator.decide(QuorumSetting.of(1), QuorumSetting.OFF,
                List.of(UP_TO_DATE, UNKNOWN, UNKNOWN), false));
    }

    @Test
    void parse_badWord_throws() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> QuorumSetting.parse("most"));
        assertEquals(QuorumSetting.of(3), QuorumSetting.parse("3"));
    }
}
