package io.reactord.it;

import io.reactord.it.real.RealSystemdBackend;
import io.reactord.it.scenarios.FaultScenarios;
import io.reactord.sim.SimTiming;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every FAULTS.md scenario with real agent processes and real private systemd managers (fast DRBD timing). Skips
 * with the reason when a private systemd cannot run here; fails instead when {@code REACTORD_REQUIRE_SYSTEMD=1}.
 */
final class RealSystemdFaultsTest {

    private static final long SEED = Long.getLong("reactord.it.seed", 20261125L);

    @TestFactory
    Stream<DynamicTest> scenarios_realSystemd_invariantsHold() {
        Optional<String> why = RealSystemdBackend.availability();
        if (why.isPresent()) {
            if ("1".equals(System.getenv("REACTORD_REQUIRE_SYSTEMD"))) {
                Assertions.fail("REACTORD_REQUIRE_SYSTEMD=1 but the real-systemd fault suite cannot run: " + why.get());
            }
            Assumptions.abort("real-systemd fault suite skipped: " + why.get());
        }
        return FaultScenarios.selected().stream().map(s -> DynamicTest.dynamicTest(s.label(), () ->
                KnownIssues.report(ScenarioRunner.run(RealSystemdBackend::new, s, SimTiming.fast(), SEED))));
    }
}
