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

    /** Starts of the mount-like unit (the first start unit: one per start of the stack), summed over all nodes. */
    static long mountStarts(ScenarioContext ctx) {
        long n = 0;
        for (String node : ctx.nodes()) {
            n += ctx.backend().starts(node, ClusterConfig.MOUNT_UNIT);
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

    /** Waits until the agent on {@code node} reports what {@code ok} accepts (I6), within the bound. */
    static void awaitReport(ScenarioContext ctx, String node, java.util.function.Predicate<io.reactord.it.AgentReport> ok,
                            String what) {
        awaitReport(ctx, node, ok, what, ctx.bound());
    }

    /** As {@link #awaitReport(ScenarioContext, String, java.util.function.Predicate, String)} within {@code boundMs}. */
    static void awaitReport(ScenarioContext ctx, String node, java.util.function.Predicate<io.reactord.it.AgentReport> ok,
                            String what, long boundMs) {
        io.reactord.it.AgentReport[] last = new io.reactord.it.AgentReport[1];
        boolean seen = ctx.backend().await(() -> {
            last[0] = ctx.backend().report(node);
            return last[0] != null && ok.test(last[0]);
        }, boundMs);
        ctx.check(seen, "the agent on " + node + " must report " + what + ", reports " + last[0]);
        ctx.note(node + " reports " + last[0]);
    }

    /** Whether the Prometheus text has a sample of {@code family} with all {@code labels} and value {@code value}. */
    static boolean metric(String text, String family, double value, String... labels) {
        return text.lines().filter(l -> l.startsWith(family + "{"))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
                .anyMatch(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) == value);
    }

    /**
     * Lets the agent's {@code start-settle} pass after a start (and a second more), so that a unit failure after it
     * is one of a running target (restarted in place below {@code max-failures}), not a failed start.
     */
    static void pastStartSettle(ScenarioContext ctx) {
        ctx.hold(io.reactord.agent.promoter.PromoterSettings.DEFAULT_START_SETTLE.toMillis() + 1000);
    }

    /** The cold start preface: the initial election on a fresh cluster. */
    static String initial(ScenarioContext ctx) {
        return ctx.awaitConverged("initial start");
    }
}
