package io.reactord.it.scenarios;

import io.reactord.it.ClusterConfig;
import io.reactord.it.ScenarioContext;
import io.reactord.it.ScenarioFailure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Small building blocks the scenarios share. */
final class Steps {
    private Steps() {
    }

    /** Cuts {@code node} off from every other node. */
    static void isolate(ScenarioContext ctx, String node) throws Exception {
        List<Set<String>> groups = new ArrayList<>();
        groups.add(Set.of(node));
        Set<String> rest = new LinkedHashSet<>(ctx.nodes());
        rest.remove(node);
        groups.add(rest);
        ctx.step("isolate " + node, () -> ctx.backend().sim().partition(groups));
    }

    static void heal(ScenarioContext ctx) throws Exception {
        ctx.step("heal the network", () -> ctx.backend().sim().heal());
    }

    /** Starts of the controller, summed over all nodes (a measure of actions in the cluster). */
    static long controllerStarts(ScenarioContext ctx) {
        long n = 0;
        for (String node : ctx.nodes()) {
            n += ctx.backend().starts(node, ClusterConfig.CONTROLLER_UNIT);
        }
        return n;
    }

    /** Starts plus stops of the controller on one node. */
    static long actions(ScenarioContext ctx, String node) {
        return ctx.backend().starts(node, ClusterConfig.CONTROLLER_UNIT)
                + ctx.backend().stops(node, ClusterConfig.CONTROLLER_UNIT);
    }

    /** Fails unless {@code node} ran no start or stop since {@code before} was taken. */
    static void noActions(ScenarioContext ctx, String node, long before, String when) {
        long now = actions(ctx, node);
        if (now != before) {
            throw new ScenarioFailure("expected zero unit starts/stops on " + node + " " + when + ", saw "
                    + (now - before));
        }
    }

    static void expectRunsOn(ScenarioContext ctx, String node, String when) {
        String a = ctx.backend().snapshot().converged();
        ctx.check(node.equals(a), "expected the resource to still run on " + node + " " + when + ", it runs on " + a);
    }

    /** The cold start preface: the initial election on a fresh cluster. */
    static String initial(ScenarioContext ctx) {
        return ctx.awaitConverged("initial start");
    }
}
