package io.reactord.it;

import io.reactord.sim.SimTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs one scenario on a fresh backend and turns everything that happened into a {@link ScenarioResult}. */
public final class ScenarioRunner {

    /** How much of the timeline a failure report shows. */
    static final int TIMELINE_LINES = 400;

    private ScenarioRunner() {
    }

    /** Runs {@code scenario} on a new backend from {@code backends} with {@code timing}; always closes the backend. */
    public static ScenarioResult run(Supplier<Backend> backends, Scenario scenario, SimTiming timing, long seed) {
        long wall0 = System.nanoTime();
        Timeline timeline = new Timeline();
        List<String> failures = new ArrayList<>();
        ScenarioContext ctx = null;
        String backendName = "?";
        try (Backend b = backends.get()) {
            backendName = b.name();
            for (Capability c : scenario.needs()) {
                if (!b.capabilities().contains(c)) {
                    failures.add("not run on " + b.name() + ": needs " + c + ": " + b.missing(c));
                }
            }
            String why = scenario.unsupported(b);
            if (why != null) {
                failures.add("not run on " + b.name() + ": " + why);
            }
            if (!failures.isEmpty()) {
                return new ScenarioResult(scenario.label(), backendName, seed, ScenarioResult.Outcome.NOT_RUN, failures,
                        java.util.Map.of(), 0, (System.nanoTime() - wall0) / 1_000_000, "");
            }
            ClusterConfig cfg = scenario.configure(ClusterConfig.standard(timing));
            ctx = new ScenarioContext(b, timeline, seed);
            timeline.add(0, "note", "scenario " + scenario.label() + " on " + b.name() + ", seed " + seed + ", timing "
                    + timing);
            b.start(cfg);
            timeline.add(b.nowMs(), "note", "cluster started");
            scenario.run(ctx);
            b.sleep(0);
            ctx.invariants().checkData();
            ctx.invariants().checkLogs();
            failures.addAll(ctx.invariants().violations());
        } catch (ScenarioFailure f) {
            failures.add(f.getMessage());
            if (ctx != null) {
                failures.addAll(ctx.invariants().violations());
            }
        } catch (Exception | AssertionError e) {
            java.io.StringWriter sw = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(sw));
            failures.add("harness error: " + sw);
            if (ctx != null) {
                failures.addAll(ctx.invariants().violations());
            }
        }
        long wall = (System.nanoTime() - wall0) / 1_000_000;
        ScenarioResult.Outcome outcome = failures.isEmpty() ? ScenarioResult.Outcome.PASSED
                : ScenarioResult.Outcome.FAILED;
        return new ScenarioResult(scenario.label(), backendName, seed, outcome, failures,
                ctx == null ? java.util.Map.of() : ctx.measures(), ctx == null ? 0 : ctx.invariants().samples(), wall,
                outcome == ScenarioResult.Outcome.FAILED ? timeline.tail(TIMELINE_LINES) : "");
    }
}
