package io.reactord.it.scenarios;

import io.reactord.it.NodeState;
import io.reactord.it.Scenario;
import io.reactord.it.ScenarioContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Network faults: isolation of the active or a secondary node, total partition, one-way and bridge, flapping. */
final class NetworkScenarios {
    private NetworkScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Simple.of(3, "active node isolated (minority)", NetworkScenarios::activeIsolated),
                Simple.of(4, "a secondary isolated", NetworkScenarios::secondaryIsolated),
                Simple.of(5, "every node alone", NetworkScenarios::allAlone),
                Simple.of(6, "one-way and bridge partitions", NetworkScenarios::oneWayAndBridge),
                Simple.of(7, "flapping network", NetworkScenarios::flapping));
    }

    static void activeIsolated(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        Steps.isolate(ctx, a);
        String n = ctx.awaitConvergedOn("failover to the majority", x -> !x.equals(a), "the majority", ctx.bound());
        NodeState s = ctx.backend().snapshot().nodes().get(a);
        ctx.check("Secondary".equals(s.role()) && !s.runsAny(), a + " must have stopped its services and demoted");
        Steps.heal(ctx);
        ctx.hold(ctx.quiet() / 2);
        Steps.expectRunsOn(ctx, n, "after the heal (no ping-pong)");
    }

    static void secondaryIsolated(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        ctx.hold(500);
        String s = ctx.other(a);
        long before = Steps.actions(ctx, a);
        Steps.isolate(ctx, s);
        ctx.hold(ctx.quiet());
        Steps.expectRunsOn(ctx, a, "while secondary " + s + " is isolated");
        Steps.heal(ctx);
        ctx.hold(ctx.quiet());
        Steps.expectRunsOn(ctx, a, "after the heal");
        Steps.noActions(ctx, a, before, "while a secondary was isolated and rejoined");
    }

    static void allAlone(ScenarioContext ctx) throws Exception {
        Steps.initial(ctx);
        List<Set<String>> alone = new ArrayList<>();
        for (String n : ctx.nodes()) {
            alone.add(Set.of(n));
        }
        ctx.step("every node alone", () -> ctx.backend().sim().partition(alone));
        ctx.awaitIdle("everyone released", ctx.bound());
        ctx.hold(ctx.quiet() / 2);
        ctx.check(ctx.backend().snapshot().idle(), "nobody may run anything while every node is alone");
        Steps.heal(ctx);
        String n = ctx.awaitConverged("recovery after the heal");
        long starts = Steps.controllerStarts(ctx);
        ctx.hold(ctx.quiet() / 2);
        Steps.expectRunsOn(ctx, n, "after the heal");
        ctx.check(Steps.controllerStarts(ctx) == starts, "exactly one promotion after the heal");
    }

    static void oneWayAndBridge(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        String b = ctx.other(a);
        ctx.step("cut " + a + " -> " + b + " one way", () -> ctx.backend().sim().cutLink(a, b, true));
        ctx.hold(ctx.quiet());
        long starts = Steps.controllerStarts(ctx);
        ctx.hold(ctx.quiet() / 2);
        ctx.check(ctx.backend().snapshot().converged() != null, "one node must run the resource with a one-way cut");
        ctx.check(Steps.controllerStarts(ctx) - starts <= 1, "no ping-pong with a one-way cut");
        Steps.heal(ctx);
        ctx.awaitConverged("after the one-way cut healed");
        String c = ctx.other(a, b);
        ctx.step("bridge: " + a + " and " + c + " apart, " + b + " sees both",
                () -> ctx.backend().sim().partition(List.of(Set.of(a, b), Set.of(b, c))));
        ctx.hold(ctx.quiet());
        starts = Steps.controllerStarts(ctx);
        ctx.hold(ctx.quiet() / 2);
        ctx.check(ctx.backend().snapshot().converged() != null, "one node must run the resource across a bridge");
        ctx.check(Steps.controllerStarts(ctx) - starts <= 1, "no ping-pong across a bridge");
        Steps.heal(ctx);
        ctx.awaitConverged("after the bridge healed");
    }

    static void flapping(ScenarioContext ctx) throws Exception {
        Steps.initial(ctx);
        long starts = Steps.controllerStarts(ctx);
        long end = ctx.backend().nowMs() + 60_000;
        int flaps = 0;
        while (ctx.backend().nowMs() < end) {
            String n = ctx.nodes().get(ctx.random().nextInt(ctx.nodes().size()));
            Steps.isolate(ctx, n);
            ctx.hold(1000 + ctx.random().nextInt(3000));
            Steps.heal(ctx);
            ctx.hold(1000 + ctx.random().nextInt(3000));
            flaps++;
        }
        long during = Steps.controllerStarts(ctx) - starts;
        ctx.note(flaps + " partitions in a minute caused " + during + " controller starts");
        ctx.check(during <= 2L * flaps, "transitions must stay bounded while flapping: " + during + " starts for "
                + flaps + " partitions");
        ctx.awaitConverged("convergence after the flapping stopped");
    }
}
