package io.reactord.it;

import io.reactord.it.scenarios.FaultScenarios;
import io.reactord.sim.SimTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Command line entry for developers: {@code RunScenarios [--backend in-process|real-systemd] [--timing
 * fast|realistic] [--seed N] [--verbose] [NUMBER...]} runs the given FAULTS.md scenarios (all without numbers),
 * prints one line per scenario and the seed and timeline of every failure; exit status 1 when one failed.
 */
public final class RunScenarios {
    private RunScenarios() {
    }

    public static void main(String[] args) {
        String backend = "in-process";
        String timing = "fast";
        long seed = 20261125L;
        boolean verbose = false;
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend" -> backend = args[++i];
                case "--timing" -> timing = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--verbose" -> verbose = true;
                default -> numbers.add(Integer.parseInt(args[i]));
            }
        }
        SimTiming t = Profiles.timing(timing);
        Supplier<Backend> factory = Profiles.backend(backend);
        List<Scenario> list = numbers.isEmpty() ? FaultScenarios.all()
                : numbers.stream().flatMap(n -> FaultScenarios.numbered(n).stream()).toList();
        boolean failed = false;
        for (Scenario s : list) {
            ScenarioResult r = ScenarioRunner.run(factory, s, t, seed);
            System.out.println(r.summary());
            if (!r.passed()) {
                System.out.println(r.report());
            } else if (verbose) {
                System.out.println(r.timeline());
            }
            failed |= r.outcome() == ScenarioResult.Outcome.FAILED;
        }
        System.exit(failed ? 1 : 0);
    }
}
