package io.reactord.it;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one scenario (or soak) run.
 *
 * @param label      scenario label
 * @param backend    backend name
 * @param seed       the seed of the run (random choices and the soak derive from it)
 * @param outcome    passed, failed, or not-run (a needed capability is missing; {@code failures} says which)
 * @param failures   violated invariants and expectations
 * @param measures   measured durations in ms (failover, convergence), in order of measurement
 * @param samples    invariant samples taken
 * @param wallMs     wall-clock duration of the run
 * @param timeline   the timeline (printed when the run failed)
 */
public record ScenarioResult(String label, String backend, long seed, Outcome outcome, List<String> failures,
                             Map<String, Long> measures, long samples, long wallMs, String timeline) {

    /** How a run ended. */
    public enum Outcome { PASSED, FAILED, NOT_RUN }

    public ScenarioResult {
        failures = List.copyOf(failures);
        measures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measures));
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** One line: outcome, label, measures. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-7s %-58s %6.1f s wall, %d samples", outcome, label, wallMs / 1000.0, samples));
        measures.forEach((k, v) -> s.append(String.format(", %s %d ms", k, v)));
        return s.toString();
    }

    /** The failure report: seed, failures and the timeline. */
    public String report() {
        StringBuilder s = new StringBuilder();
        s.append(label).append(" on ").append(backend).append(": ").append(outcome).append(" (seed ").append(seed)
                .append(")\n");
        for (String f : failures) {
            s.append("  - ").append(f).append('\n');
        }
        if (outcome == Outcome.FAILED) {
            s.append("timeline:\n").append(timeline);
        }
        return s.toString();
    }
}
