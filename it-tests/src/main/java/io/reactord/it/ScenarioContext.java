package io.reactord.it;

import io.reactord.sim.SimTiming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * What a scenario works with: the backend, a seeded random source, steps that are recorded in the timeline and
 * followed by the data invariants, awaits with stated bounds (I3), and measurements.
 */
public final class ScenarioContext {

    /** An action of a step. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** Convergence counts only once it held this long (a start followed by a stop is not convergence). */
    public static final long STABLE_MS = 300;

    private final Backend backend;
    private final Timeline timeline;
    private final Invariants invariants;
    private final long seed;
    private final Random random;
    private final Map<String, Long> measures = new LinkedHashMap<>();
    private volatile String lastSignature = "";

    public ScenarioContext(Backend backend, Timeline timeline, long seed) {
        this.backend = backend;
        this.timeline = timeline;
        this.invariants = new Invariants(backend, timeline);
        this.seed = seed;
        this.random = new Random(seed);
        backend.onSample(this::sample);
    }

    private void sample(Snapshot s) {
        invariants.sample(s);
        String sig = s.signature();
        if (!sig.equals(lastSignature)) {
            lastSignature = sig;
            timeline.add(s.timeMs(), "state", sig);
        }
    }

    public Backend backend() {
        return backend;
    }

    public Timeline timeline() {
        return timeline;
    }

    public Invariants invariants() {
        return invariants;
    }

    public Random random() {
        return random;
    }

    public long seed() {
        return seed;
    }

    public List<String> nodes() {
        return backend.config().nodes();
    }

    public String resource() {
        return backend.config().resource();
    }

    /**
     * The convergence bound (I3) of the current timing: detection, teardown, reconnect and a resync twice over,
     * plus 5 s for the agents and the managers, plus the backend's {@link Backend#slackMs() slack}.
     */
    public long bound() {
        SimTiming t = backend.config().timing();
        return backend.slackMs() + 5000 + 2 * (t.detectPartitionMs() + t.connectMs() + 3 * t.teardownStepMs() + t.resyncMs()
                + t.reconfirmMs());
    }

    /**
     * How long a scenario watches for something that must not happen (a promotion in a minority, a second start):
     * the convergence bound with at most {@link #QUIET_SLACK_MS} of the backend's slack. The slack lets awaited
     * actions finish on a busy machine; a wrong action is taken on the agents' first reaction, so a watch does not
     * need all of it.
     */
    public long quiet() {
        return bound() - backend.slackMs() + Math.min(backend.slackMs(), QUIET_SLACK_MS);
    }

    /** The part of the backend's slack that a watch ({@link #quiet()}) adds. */
    static final long QUIET_SLACK_MS = 15_000;

    /** Records the step, runs it, lets pending events settle, and checks the data invariants. */
    public void step(String what, Action action) throws Exception {
        timeline.add(backend.nowMs(), "step", what);
        invariants.stepped(backend.nowMs(), what);
        action.run();
        invariants.stepped(backend.nowMs(), what);
        backend.sleep(0);
        invariants.checkData();
        failFast();
    }

    /** Stops the run at the first violation, so that the timeline ends where things went wrong. */
    private void failFast() {
        List<String> v = invariants.violations();
        if (!v.isEmpty()) {
            throw new ScenarioFailure("invariant violated: " + v.get(0));
        }
    }

    /** Records a violation whenever a sample satisfies {@code bad} (a scenario-specific invariant). */
    public void watch(String what, Predicate<Snapshot> bad) {
        backend.onSample(s -> {
            if (bad.test(s)) {
                invariants.violation(s.timeMs(), what + ": " + s.signature());
            }
        });
    }

    /** Adds a note to the timeline. */
    public void note(String text) {
        timeline.add(backend.nowMs(), "note", text);
    }

    /** Lets {@code ms} pass, then checks the data invariants. */
    public void hold(long ms) {
        backend.sleep(ms);
        invariants.checkData();
        failFast();
    }

    /**
     * Waits until exactly one node runs the resource (I3), stably for {@link #STABLE_MS}, within {@code boundMs};
     * records the time until it first ran as {@code label} and returns the node. Also checks the data invariants and, when the backend can ask, the agents' reports (I6).
     */
    public String awaitConverged(String label, long boundMs) {
        return awaitConvergedOn(label, x -> true, "one node", boundMs);
    }

    /** As {@link #awaitConverged(String, long)} with {@link #bound()}. */
    public String awaitConverged(String label) {
        return awaitConverged(label, bound());
    }

    /** Waits until exactly one node runs the resource and it satisfies {@code which}. */
    public String awaitConvergedOn(String label, Predicate<String> which, String expected, long boundMs) {
        long t0 = backend.nowMs();
        long deadline = t0 + boundMs;
        while (true) {
            String[] seen = new String[1];
            boolean ok = backend.await(() -> {
                String c = backend.snapshot().converged();
                seen[0] = c;
                return c != null && which.test(c);
            }, Math.max(0, deadline - backend.nowMs()));
            if (!ok) {
                throw new ScenarioFailure("I3: the resource does not run (stably) on " + expected + " within "
                        + boundMs + " ms after " + label + ":\n" + backend.snapshot().table() + exits());
            }
            long reached = backend.nowMs();
            String node = seen[0];
            boolean moved = backend.await(() -> !node.equals(backend.snapshot().converged()), STABLE_MS);
            if (!moved && awaitStatus(node)) {
                measure(label, reached - t0);
                invariants.checkData();
                return node;
            }
            note("converged on " + node + " only for a moment; still waiting");
        }
    }

    private String exits() {
        List<String> e = backend.unexpectedExits();
        return e.isEmpty() ? "" : "agents that exited: " + e;
    }

    /** Waits until nobody runs anything and nobody is Primary. */
    public void awaitIdle(String label, long boundMs) {
        long t0 = backend.nowMs();
        if (!backend.await(() -> backend.snapshot().idle(), boundMs)) {
            throw new ScenarioFailure("expected nobody to run the resource within " + boundMs + " ms after " + label
                    + ":\n" + backend.snapshot().table());
        }
        measure(label, backend.nowMs() - t0);
        invariants.checkData();
    }

    /**
     * I6: the agents' own reports agree once they had a moment to see the converged state. Answers false, checking
     * nothing, when the cluster moved on from {@code node} meanwhile (a designed follow-up such as the fail-back
     * after an adoption, slower than {@link #STABLE_MS} under load): that was no convergence, and the caller
     * waits for the next one. Agents that disagree while the cluster stays on {@code node} violate I6.
     */
    private boolean awaitStatus(String node) {
        if (!backend.capabilities().contains(Capability.STATUS)) {
            return true;
        }
        backend.await(() -> agentsAgree(node) || !node.equals(backend.snapshot().converged()), 3000);
        if (!agentsAgree(node) && !node.equals(backend.snapshot().converged())) {
            return false;
        }
        invariants.checkStatus(node);
        return true;
    }

    private boolean agentsAgree(String node) {
        for (NodeState n : backend.snapshot().nodes().values()) {
            if (n.up() && n.agent()) {
                String r = backend.reportedActiveNode(n.node());
                if (r != null && !r.equals(node) && (n.node().equals(node) || !"-".equals(r))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Fails the scenario unless {@code condition} holds. */
    public void check(boolean condition, String expectation) {
        if (!condition) {
            throw new ScenarioFailure(expectation + "\n" + backend.snapshot().table());
        }
    }

    /** Records a measured duration. */
    public void measure(String label, long ms) {
        measures.merge(label, ms, Math::max);
        timeline.add(backend.nowMs(), "measure", label + ": " + ms + " ms");
    }

    public Map<String, Long> measures() {
        return measures;
    }

    /** The node that runs the resource now (converged), or a failure. */
    public String active() {
        String a = backend.snapshot().converged();
        if (a == null) {
            throw new ScenarioFailure("expected one node to run the resource:\n" + backend.snapshot().table());
        }
        return a;
    }

    /** Some node other than {@code except}, chosen by the seeded random source. */
    public String other(String... except) {
        List<String> c = new java.util.ArrayList<>(nodes());
        c.removeAll(List.of(except));
        return c.get(random.nextInt(c.size()));
    }
}
