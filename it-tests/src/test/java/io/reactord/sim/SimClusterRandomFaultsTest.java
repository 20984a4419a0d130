package io.reactord.sim;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.reactord.events2.Event;
import io.reactord.events2.Events2Parser;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SimClusterRandomFaultsTest {

    private static final int STEPS = 2000;

    private static void run(SimCluster c, long seed) {
        RandomFaultDriver d = new RandomFaultDriver(c, seed, "r0");
        for (int i = 0; i < STEPS; i++) {
            String problem = d.step();
            if (problem != null) {
                fail("seed " + seed + " step " + i + ": " + problem + "\nlast steps: " + d.lastSteps());
            }
        }
        c.heal();
        for (String n : c.nodeNames()) {
            c.restart(n);
        }
        c.settle();
        assertNull(d.check(), "after healing");
        assertTrue(d.promotions > 10, "the run exercised promotions: " + d.promotions);
        assertTrue(d.ackedTotal > 50, "the run acknowledged writes: " + d.ackedTotal);
        for (String line : d.lines()) {
            String problem = Events2Grammar.check(line);
            if (problem != null) {
                fail("seed " + seed + ": " + problem + ": " + line);
            }
            if (Events2Parser.parse(line) instanceof Event.Unparsed u) {
                fail("seed " + seed + ": parser rejects " + line + ": " + u.reason());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 106})
    void randomFaults_ioError_neverTwoQuoratePrimariesNoLostAckedWriteNoDivergence(long seed) {
        run(SimCluster.threeNodes(SimTiming.fast(), SimResourceSpec.simple("r0")), seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {7})
    void randomFaults_suspendIoForceSecondary_invariantsHold(long seed) {
        run(SimCluster.threeNodes(SimTiming.fast(), SimResourceSpec.simple("r0").withOptions(
                ResourceOptions.recommended().withOnNoQuorum(ResourceOptions.OnNoQuorum.SUSPEND_IO))), seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {12, 114})
    void randomFaults_disklessTiebreaker_invariantsHold(long seed) {
        run(SimCluster.threeNodes(SimTiming.fast(), SimResourceSpec.simple("r0").withDiskless(Set.of("charlie"))),
                seed);
    }
}
