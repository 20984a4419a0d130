package io.reactord.it.scenarios;

import io.reactord.it.Capability;
import io.reactord.it.ClusterConfig;
import io.reactord.it.NodeState;
import io.reactord.it.Operator;
import io.reactord.it.Scenario;
import io.reactord.it.ScenarioContext;
import io.reactord.it.UnitFault;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Operator actions under the preferred-node policies (FAULTS.md 28–31): a preferred peer that does not take over,
 * {@code disable} without {@code --now} followed by a stop of the target, a service that dies right after every
 * start, and a node left half-started while its agent was down. 28, 29 and 31 run once with
 * {@code preferred-nodes-policy = "always"} and once with {@code "start-only"}; {@code preferred-nodes} names the
 * second node first, then the first one, and {@code sleep-before-promote-factor = 1} lets the preference decide
 * races.
 */
final class OperatorScenarios {
    private OperatorScenarios() {
    }

    /** Log lines these scenarios cause on purpose. */
    static final String EXPECTED_LOG = "failures within|failed to start|releasing|giving up|failed|disable|enable"
            + "|evict|fail-back|preferred|adopt";

    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        for (String policy : List.of("always", "start-only")) {
            out.add(Simple.of(28, "preferred peer UpToDate but not taking over (" + policy + ")",
                            OperatorScenarios::preferredNotTakingOver)
                    .configure(c -> preferred(c, policy).with("max-failures", "1")).needs(Capability.OPERATOR));
            out.add(Simple.of(29, "disable without --now, stop of the target, enable (" + policy + ")",
                            OperatorScenarios::disableStopEnable)
                    .configure(c -> preferred(c, policy)).needs(Capability.OPERATOR));
            out.add(Simple.of(31, "agent killed while Primary with the target stopped (" + policy + ")",
                    OperatorScenarios::halfStarted).configure(c -> preferred(c, policy)));
        }
        out.add(Simple.of(30, "a start unit fails right after every start; enable clears FAILED",
                        OperatorScenarios::failsAfterStart)
                .configure(c -> c.with("max-failures", "3")).needs(Capability.OPERATOR, Capability.STATUS));
        return out;
    }

    /** {@code preferred-nodes = [second, first]} under {@code policy}, the preference deciding races. */
    static ClusterConfig preferred(ClusterConfig c, String policy) {
        return c.with("preferred-nodes", "[\"" + c.nodes().get(1) + "\", \"" + c.nodes().get(0) + "\"]")
                .with("preferred-nodes-policy", "\"" + policy + "\"")
                .with("sleep-before-promote-factor", "1");
    }

    /** How long a scenario watches for ping-pong after the cluster settled. */
    static long quietHold(ScenarioContext ctx) {
        return Math.max(ctx.quiet() / 2, 15_000);
    }

    /**
     * Holds {@link #quietHold} and requires that the resource keeps running on a node other than {@code away} with
     * at most {@code maxStarts} more starts of the start units' first unit cluster-wide (one fail-back attempt per
     * edge of the preferred peer's state: its connection and its disk).
     */
    static String holdAway(ScenarioContext ctx, String away, int maxStarts, String why) {
        String a = ctx.awaitConvergedOn(why, x -> !x.equals(away), "a node other than " + away, ctx.bound());
        long before = Steps.mountStarts(ctx);
        ctx.hold(quietHold(ctx));
        long more = Steps.mountStarts(ctx) - before;
        ctx.note(why + ": " + more + " more starts while " + away + " did not take over");
        ctx.check(more <= maxStarts, "no ping-pong while " + why + ": at most " + maxStarts + " more starts in "
                + quietHold(ctx) + " ms, saw " + more);
        String now = ctx.backend().snapshot().converged();
        ctx.check(now != null && !now.equals(away), "the services must keep running away from " + away + " while "
                + why + ", they run on " + now);
        return now;
    }

    /**
     * 28: the preferred peer is UpToDate but does not take over — its snippet disabled, evicted, its agent down, or
     * FAILED. The node that runs the services keeps them; at most one fail-back attempt per edge.
     */
    static void preferredNotTakingOver(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog(EXPECTED_LOG);
        String pref = ctx.nodes().get(1);
        String first = Steps.initial(ctx);
        if (!first.equals(pref)) {
            // agent processes start at different times: the first one up may win before the preference counts
            ctx.step("reactorctl move to " + pref, () -> ctx.note(ctx.backend().operator(first, Operator.MOVE, pref)));
            ctx.awaitConvergedOn("move to the preferred node", pref::equals, pref, ctx.bound());
        }
        // evicted: the resource leaves the preferred node and fail-back must not undo the eviction
        ctx.step("reactorctl evict on " + pref, () -> ctx.note(ctx.backend().operator(pref, Operator.EVICT, null)));
        holdAway(ctx, pref, 2, pref + " is evicted");
        // snippet disabled: the preferred node is UpToDate and hands off
        ctx.step("reactorctl disable (without --now) on " + pref,
                () -> ctx.note(ctx.backend().operator(pref, Operator.DISABLE, null)));
        holdAway(ctx, pref, 2, pref + " is disabled");
        ctx.step("reactorctl enable on " + pref, () -> ctx.note(ctx.backend().operator(pref, Operator.ENABLE, null)));
        String a = ctx.awaitConverged("after enable on " + pref);
        // agent down: the preferred node rejoins (new edges: connected, UpToDate) with no agent to take over
        if (a.equals(pref)) {
            ctx.step("crash " + pref, () -> ctx.backend().crashNode(pref));
            ctx.awaitConvergedOn("failover from " + pref, x -> !x.equals(pref), "a survivor", ctx.bound());
            ctx.step("boot " + pref + " and kill its agent at once", () -> {
                ctx.backend().bootNode(pref);
                ctx.backend().killAgent(pref);
            });
        } else {
            ctx.step("kill -9 the agent on " + pref, () -> ctx.backend().killAgent(pref));
        }
        holdAway(ctx, pref, 2, "the agent on " + pref + " is down");
        ctx.step("start the agent on " + pref, () -> ctx.backend().startAgent(pref));
        Steps.awaitReport(ctx, pref, r -> true, "its status after the start");
        String b = ctx.awaitConverged("after the agent on " + pref + " started");
        // FAILED: the preferred node's start fails (max-failures = 1), it gives up and stays UpToDate
        ctx.step("mounting fails on " + pref, () -> ctx.backend().setFault(pref, UnitFault.MOUNT_FAILS, true));
        if (b.equals(pref)) {
            ctx.step("stop the target on " + pref, () ->
                    ctx.note(ctx.backend().operator(pref, Operator.STOP_TARGET, null)));
            ctx.awaitConvergedOn("takeover from " + pref, x -> !x.equals(pref), "a peer", ctx.bound());
            ctx.step("crash " + pref + " and boot it with the failing mount (a fail-back edge)", () -> {
                ctx.backend().crashNode(pref);
                ctx.backend().bootNode(pref);
            });
            Steps.awaitReport(ctx, pref, r -> true, "its status after the boot");
        } else {
            ctx.step("crash " + b + " (" + pref + " wins the race and fails)", () -> ctx.backend().crashNode(b));
            ctx.awaitConvergedOn("takeover past the failing " + pref, x -> !x.equals(pref), "the third node",
                    ctx.bound() + 30_000);
            ctx.step("boot " + b, () -> ctx.backend().bootNode(b));
            Steps.awaitReport(ctx, b, r -> true, "its status after the boot");
        }
        holdAway(ctx, pref, 3, pref + " failed to start");
        ctx.step("repair the mount on " + pref + "; reactorctl enable there", () -> {
            ctx.backend().setFault(pref, UnitFault.MOUNT_FAILS, false);
            ctx.note(ctx.backend().operator(pref, Operator.ENABLE, null));
        });
        ctx.awaitConverged("after the preferred node was repaired");
    }

    /**
     * 29: {@code reactorctl disable} without {@code --now} on the active node leaves its services running; a later
     * stop of the target stops them before the demotion (I8); after {@code enable} the cluster converges (I3).
     */
    static void disableStopEnable(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog(EXPECTED_LOG);
        String a = Steps.initial(ctx);
        long act = Steps.actions(ctx, a);
        ctx.step("reactorctl disable (without --now) on " + a,
                () -> ctx.note(ctx.backend().operator(a, Operator.DISABLE, null)));
        ctx.hold(3000);
        Steps.expectRunsOn(ctx, a, "after disable without --now");
        Steps.noActions(ctx, a, act, "after disable without --now");
        ctx.step("stop the target on " + a, () -> ctx.note(ctx.backend().operator(a, Operator.STOP_TARGET, null)));
        String b = ctx.awaitConvergedOn("takeover after the stop on the disabled node", x -> !x.equals(a),
                "another node", ctx.bound());
        NodeState s = ctx.backend().snapshot().nodes().get(a);
        ctx.check("Secondary".equals(s.role()) && !s.runsAny(), a + " must end stopped and demoted");
        ctx.step("reactorctl enable on " + a, () -> ctx.note(ctx.backend().operator(a, Operator.ENABLE, null)));
        ctx.awaitConverged("convergence after enable");
        ctx.hold(quietHold(ctx));
        ctx.check(ctx.backend().snapshot().converged() != null, "the cluster must stay converged after enable (ran on "
                + b + ")");
    }

    /**
     * 30: the controller exits at once after every start, on a node that is the only candidate (its peers disabled):
     * the crash of the running controller and each failed start are counted, retried with backoff, and at
     * {@code max-failures} the node gives up (FAILED) and releases; enabled again, a peer takes over, and after the
     * repair {@code reactorctl enable} clears FAILED.
     */
    static void failsAfterStart(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog(EXPECTED_LOG);
        String a = Steps.initial(ctx);
        String b = ctx.other(a);
        String c = ctx.other(a, b);
        ctx.step("reactorctl disable (without --now) on " + b + " and " + c, () -> {
            ctx.note(ctx.backend().operator(b, Operator.DISABLE, null));
            ctx.note(ctx.backend().operator(c, Operator.DISABLE, null));
        });
        Steps.pastStartSettle(ctx);
        long before = ctx.backend().starts(a, ClusterConfig.CONTROLLER_UNIT);
        ctx.step("the controller on " + a + " crashes and exits right after every start from now on", () -> {
            ctx.backend().setFault(a, UnitFault.CONTROLLER_EXITS_AT_START, true);
            ctx.backend().setFault(a, UnitFault.CONTROLLER_CRASHES, true);
            ctx.backend().setFault(a, UnitFault.CONTROLLER_CRASHES, false);
        });
        // backoff 10 s, then 20 s (doubling) before the retries: the third failure comes after about 30 s
        Steps.awaitReport(ctx, a, r -> "FAILED".equals(r.state()), "FAILED after max-failures (3)",
                ctx.bound() + 60_000);
        ctx.awaitIdle("release after max-failures", ctx.bound());
        long tries = ctx.backend().starts(a, ClusterConfig.CONTROLLER_UNIT) - before;
        ctx.note(a + " started the controller " + tries + " times after its crash before it gave up");
        ctx.check(tries >= 1 && tries <= 3, "a controller that dies after every start is retried (failures counted,"
                + " max-failures = 3) and then given up: expected 1-3 starts on " + a + ", saw " + tries);
        ctx.step("reactorctl enable on " + b + " and " + c, () -> {
            ctx.note(ctx.backend().operator(b, Operator.ENABLE, null));
            ctx.note(ctx.backend().operator(c, Operator.ENABLE, null));
        });
        String n = ctx.awaitConvergedOn("takeover by an enabled peer", x -> !x.equals(a), "a peer", ctx.bound());
        ctx.step("repair the controller on " + a + "; reactorctl enable there", () -> {
            ctx.backend().setFault(a, UnitFault.CONTROLLER_EXITS_AT_START, false);
            ctx.note(ctx.backend().operator(a, Operator.ENABLE, null));
        });
        Steps.awaitReport(ctx, a, r -> !"FAILED".equals(r.state()), "FAILED cleared by enable");
        ctx.hold(quietHold(ctx) / 2);
        Steps.expectRunsOn(ctx, n, "after enable on the repaired node (no needless move)");
    }

    /** What an agent's journal says about adopting a Primary whose target is inactive. */
    static final Pattern ADOPTION_REASON = Pattern.compile("(?i)(target[^\\n]*inactive|inactive[^\\n]*target"
            + "|half-started|adopt)");

    /**
     * 31: the agent is killed while its node is Primary; the target and its units stop without a demotion
     * (half-started). On restart the agent starts the target or releases it to a better peer, and says why.
     */
    static void halfStarted(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog(EXPECTED_LOG);
        String a = Steps.initial(ctx);
        ctx.step("kill -9 the agent on " + a, () -> ctx.backend().killAgent(a));
        ctx.step("stop the target and its units on " + a + " without demoting", () -> ctx.backend().halfStop(a));
        ctx.hold(1000);
        NodeState s = ctx.backend().snapshot().nodes().get(a);
        ctx.check(s.primary() && !s.runsAny(), a + " must be half-started: Primary with nothing running");
        int logged = ctx.backend().agentLog(a).size();
        ctx.step("start the agent on " + a, () -> ctx.backend().startAgent(a));
        String n = ctx.awaitConverged("adoption of the half-started node");
        ctx.note("after adoption the services run on " + n);
        List<String> log = ctx.backend().agentLog(a);
        if (log.size() > logged) {
            boolean said = log.subList(Math.min(logged, log.size()), log.size()).stream()
                    .anyMatch(l -> ADOPTION_REASON.matcher(l).find());
            ctx.check(said, "the agent on " + a + " must say in its journal why it started or released the"
                    + " half-started target");
        }
    }
}
