package io.reactord.it;

import io.reactord.sim.SimCluster;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The FAULTS.md invariants, checked against samples and on demand.
 *
 * <ul>
 *   <li>I1 single writer: never two up nodes Primary with quorum (a Primary without quorum cannot write: DRBD
 *       fails its I/O, and it is counted separately as an overlap), and a start unit runs only on a Primary.</li>
 *   <li>I2 no lost acknowledged write: a Primary with quorum and an UpToDate disk (the one that can write) holds
 *       every acknowledged number.</li>
 *   <li>I4 no split brain: the model detected no split brain and no two nodes' data diverge.</li>
 *   <li>I5 clean logs: no agent error or stack trace the scenario did not expect; no agent exit it did not cause.</li>
 *   <li>I6 truthful status: when converged, what each agent reports agrees with the simulator and the manager;
 *       never ACTIVE with a failed start unit for longer than a bound.</li>
 *   <li>I7 no flapping, I8 no demote under services, I9 no needless escalation: {@link PolicyInvariants}.</li>
 * </ul>
 * I3 (convergence within a bound) is checked by {@link ScenarioContext#awaitConverged}.
 */
public final class Invariants {

    private final Backend backend;
    private final Timeline timeline;
    private final List<String> violations = new ArrayList<>();
    private final List<Pattern> expectedLog = new ArrayList<>();
    private long samples;
    private long overlapSamples;
    private boolean inOverlap;
    private final PolicyInvariants policy;

    public Invariants(Backend backend, Timeline timeline) {
        this.backend = backend;
        this.timeline = timeline;
        this.policy = new PolicyInvariants(backend, this::violate);
    }

    /** A step (a fault or an operator action) starts or ended: I7 counts only the starts after it. */
    public synchronized void stepped(long t, String what) {
        policy.step(t, what);
    }

    /**
     * I7's bound for this scenario: at most {@code starts} start-unit starts cluster-wide in any {@code windowMs}
     * without a step.
     */
    public synchronized void flapBound(int starts, long windowMs) {
        policy.flapBound(starts, windowMs);
    }

    /** Log lines matching this pattern are expected by the scenario (I5). */
    public synchronized void expectLog(String regex) {
        expectedLog.add(Pattern.compile(regex));
    }

    /** I1, and I6's bound, I7, I8 and I9 ({@link PolicyInvariants}), on one sample. Called from the sampler. */
    public synchronized void sample(Snapshot s) {
        samples++;
        policy.sample(s);
        List<String> writers = new ArrayList<>();
        List<String> primaries = new ArrayList<>();
        for (NodeState n : s.nodes().values()) {
            if (n.primary()) {
                primaries.add(n.node());
                if (n.quorum()) {
                    writers.add(n.node());
                }
            }
            if (n.runsAny() && !n.primary() && !n.primaryAround()) {
                violate(s.timeMs(), "I1: a unit of the target runs on " + n.node() + ", which is " + n.role()
                        + " (" + n.services() + ")");
            }
        }
        if (writers.size() > 1) {
            violate(s.timeMs(), "I1: two Primaries with quorum: " + writers);
        }
        boolean overlap = primaries.size() > 1;
        if (overlap) {
            overlapSamples++;
        }
        if (overlap != inOverlap) {
            inOverlap = overlap;
            timeline.add(s.timeMs(), "note", overlap ? "Primaries " + primaries + " (only " + writers + " quorate)"
                    : "single Primary again");
        }
    }

    /** I2 and I4 against the model now. */
    public synchronized void checkData() {
        SimCluster sim = backend.sim();
        String res = backend.config().resource();
        long t = backend.nowMs();
        if (!sim.splitBrains().isEmpty()) {
            violate(t, "I4: split brain detected by the model: " + sim.splitBrains());
        }
        List<String> div = sim.divergences(res);
        if (!div.isEmpty()) {
            StringBuilder tails = new StringBuilder();
            for (String n : backend.config().nodes()) {
                List<Long> d = sim.data(n, res);
                tails.append(tails.isEmpty() ? " (data ends: " : ", ").append(n).append(' ')
                        .append(d.subList(Math.max(0, d.size() - 4), d.size()));
            }
            violate(t, "I4: diverging data between " + div + tails + ")");
        }
        // The acknowledgements are read before the data: a write reaches the device before the controller logs
        // its acknowledgement, so one acknowledged between two reads in the other order looked lost.
        List<Long> acknowledged = backend.acknowledged();
        for (String p : sim.primaries(res)) {
            if (!sim.disk(p, res, 0).name().equals("UP_TO_DATE") || !sim.quorum(p, res, 0)) {
                continue;
            }
            Set<Long> data = new HashSet<>(sim.data(p, res));
            List<Long> lost = new ArrayList<>();
            for (Long seq : acknowledged) {
                if (!data.contains(seq)) {
                    lost.add(seq);
                }
            }
            if (!lost.isEmpty()) {
                violate(t, "I2: Primary " + p + " lacks " + lost.size() + " acknowledged writes, first "
                        + lost.subList(0, Math.min(5, lost.size())));
            }
        }
    }

    /** I5: agent errors not expected, and agents that exited on their own. */
    public synchronized void checkLogs() {
        long t = backend.nowMs();
        for (String node : backend.config().nodes()) {
            for (String line : backend.logProblems(node)) {
                if (expectedLog.stream().noneMatch(p -> p.matcher(line).find())) {
                    violate(t, "I5: " + node + ": unexpected log line: " + line);
                }
            }
        }
        for (String exit : backend.unexpectedExits()) {
            violate(t, "I5: agent exited: " + exit);
        }
    }

    /** I6: when converged, each running agent's own report names the node that runs the resource. */
    public synchronized void checkStatus(String activeNode) {
        for (NodeState n : backend.snapshot().nodes().values()) {
            if (!n.up() || !n.agent()) {
                continue;
            }
            String reported = backend.reportedActiveNode(n.node());
            boolean self = n.node().equals(activeNode);
            boolean ok = reported == null || reported.equals(activeNode == null ? "-" : activeNode)
                    || (!self && "-".equals(reported));
            if (!ok) {
                violate(backend.nowMs(), "I6: agent on " + n.node() + " reports the resource active on '" + reported
                        + "' but it runs on '" + (activeNode == null ? "-" : activeNode) + "'");
            }
        }
    }

    /** Records a scenario-specific violation. */
    public synchronized void violation(long t, String what) {
        violate(t, what);
    }

    private void violate(Long t, String what) {
        if (violations.size() < 200 && !violations.contains(what)) {
            violations.add(what);
            timeline.add(t, "VIOLATION", what);
        }
    }

    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    public synchronized long samples() {
        return samples;
    }

    /** Samples in which more than one node was Primary (the extra ones without quorum). */
    public synchronized long overlapSamples() {
        return overlapSamples;
    }
}
