package io.reactord.it;

import io.reactord.sim.RoleCalls;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The invariants of operator actions and policies (FAULTS.md I6 bound, I7, I8, I9), checked on every sample by
 * {@link Invariants}:
 *
 * <ul>
 *   <li>I6 bound: an agent never reports ACTIVE for longer than {@link #STATUS_BOUND_MS} while a start unit of the
 *       target is failed on its node.</li>
 *   <li>I7 no flapping: with no step (a fault or an operator action) in between, at most {@code maxStarts} start-unit
 *       starts cluster-wide in any window of {@code windowMs} (default {@link #FLAP_STARTS} in
 *       {@link #FLAP_WINDOW_MS}: six starts of the two-unit stack).</li>
 *   <li>I8 no demote under services: no {@code secondary} call of a Primary while its device is held open (the
 *       mount-like start unit holds it while it is active).</li>
 *   <li>I9 no needless escalation: the escalation unit's failure (where its {@code FailureAction=} fires) is marked
 *       only on a node whose last role call was a failed {@code secondary} of a Primary.</li>
 * </ul>
 */
final class PolicyInvariants {

    /** I6: how long an agent may still say ACTIVE after a start unit failed. */
    static final long STATUS_BOUND_MS = 5000;
    /** I7: start-unit starts allowed per window without a step. */
    static final int FLAP_STARTS = 12;
    /** I7: the window. */
    static final long FLAP_WINDOW_MS = 20_000;
    /** The real backend asks an agent's status at most this often per node while a unit is failed. */
    static final long REPORT_EVERY_MS = 250;

    private final Backend backend;
    private final BiConsumer<Long, String> violate;
    private final Map<String, Long> activeWithFailedSince = new HashMap<>();
    private final Map<String, Long> lastReportAt = new HashMap<>();
    private final Map<String, String> lastReport = new HashMap<>();
    private final Map<String, Long> startCounts = new HashMap<>();
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private int maxStarts = FLAP_STARTS;
    private long windowMs = FLAP_WINDOW_MS;
    private long lastStepMs = Long.MIN_VALUE;
    private String lastStep = "start";
    private boolean flapReported;
    private int callCursor;
    private int markCursor;

    PolicyInvariants(Backend backend, BiConsumer<Long, String> violate) {
        this.backend = backend;
        this.violate = violate;
    }

    /** A step (fault or operator action) happened: I7 counts starts after it only. */
    void step(long t, String what) {
        lastStepMs = t;
        lastStep = what;
        starts.clear();
        flapReported = false;
    }

    /** I7's bound for this scenario. */
    void flapBound(int starts, long window) {
        this.maxStarts = starts;
        this.windowMs = window;
    }

    void sample(Snapshot s) {
        if (backend == null) {
            return;
        }
        for (NodeState n : s.nodes().values()) {
            statusBound(s.timeMs(), n);
            countStarts(s.timeMs(), n.node());
        }
        roleCalls(s.timeMs());
    }

    private void statusBound(long t, NodeState n) {
        boolean failed = n.up() && n.agent() && n.services().values().stream().anyMatch("failed"::equals);
        if (!failed) {
            activeWithFailedSince.remove(n.node());
            return;
        }
        String state = n.promoter() != null ? n.promoter() : reportedState(t, n.node());
        if (!"ACTIVE".equals(state)) {
            activeWithFailedSince.remove(n.node());
            return;
        }
        long since = activeWithFailedSince.computeIfAbsent(n.node(), k -> t);
        if (t - since > STATUS_BOUND_MS) {
            violate.accept(t, "I6: the agent on " + n.node() + " reports ACTIVE while a start unit is failed for "
                    + (t - since) + " ms (bound " + STATUS_BOUND_MS + " ms): " + n.services());
        }
    }

    private String reportedState(long t, String node) {
        Long at = lastReportAt.get(node);
        if (at == null || t - at >= REPORT_EVERY_MS) {
            lastReportAt.put(node, t);
            AgentReport r = backend.report(node);
            lastReport.put(node, r == null ? null : r.state());
        }
        return lastReport.get(node);
    }

    private void countStarts(long t, String node) {
        long n = 0;
        for (String u : ClusterConfig.START_UNITS) {
            n += backend.starts(node, u);
        }
        Long before = startCounts.put(node, n);
        if (before == null || n <= before) {
            return; // first sight, or the counters restarted with a new manager
        }
        for (long i = before; i < n; i++) {
            starts.addLast(t);
        }
        while (!starts.isEmpty() && starts.peekFirst() <= t - windowMs) {
            starts.removeFirst();
        }
        if (starts.size() > maxStarts && !flapReported) {
            flapReported = true;
            violate.accept(t, "I7: " + starts.size() + " start-unit starts cluster-wide within " + windowMs
                    + " ms with no fault or operator action since '" + lastStep + "' (bound " + maxStarts + ")");
        }
    }

    private void roleCalls(long t) {
        RoleCalls rc = backend.sim().roleCalls();
        List<RoleCalls.Call> calls = rc.calls(callCursor);
        callCursor += calls.size();
        for (RoleCalls.Call c : calls) {
            if (!c.promote() && c.wasPrimary() && c.openers() > 0) {
                violate.accept(c.atMs(), "I8: " + c.node() + " was demoted while a start unit held the device open: "
                        + c);
            }
        }
        List<RoleCalls.Mark> marks = rc.marks(markCursor);
        markCursor += marks.size();
        for (RoleCalls.Mark m : marks) {
            if (!m.text().startsWith("failure-action")) {
                continue;
            }
            List<RoleCalls.Call> mine = rc.callsOf(m.node(), m.atMs());
            RoleCalls.Call last = mine.isEmpty() ? null : mine.get(mine.size() - 1);
            if (last == null || last.promote() || last.ok() || !last.wasPrimary()) {
                violate.accept(m.atMs(), "I9: the demote-failure action ran on " + m.node() + " (" + m.text()
                        + ") but its last role call was " + (last == null ? "none" : last.toString())
                        + ", not a failed demotion of a Primary");
            }
        }
    }
}
