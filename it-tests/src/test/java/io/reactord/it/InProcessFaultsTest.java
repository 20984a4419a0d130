package io.reactord.it;

import io.reactord.it.inprocess.InProcessBackend;
import io.reactord.it.scenarios.FaultScenarios;
import io.reactord.sim.SimTiming;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every FAULTS.md scenario on the in-process backend (agents on virtual time), fast and realistic DRBD timing. */
final class InProcessFaultsTest {

    private static final long SEED = Long.getLong("reactord.it.seed", 20261125L);

    @TestFactory
    Stream<DynamicTest> scenarios_fastTiming_invariantsHold() {
        return FaultScenarios.selected().stream().map(s -> DynamicTest.dynamicTest(s.label(), () ->
                KnownIssues.report(ScenarioRunner.run(InProcessBackend::new, s, SimTiming.fast(), SEED))));
    }

    @TestFactory
    Stream<DynamicTest> scenarios_realisticTiming_invariantsHold() {
        return FaultScenarios.selected().stream().map(s -> DynamicTest.dynamicTest(s.label(), () ->
                KnownIssues.report(ScenarioRunner.run(InProcessBackend::new, s, SimTiming.realistic(), SEED))));
    }
}
