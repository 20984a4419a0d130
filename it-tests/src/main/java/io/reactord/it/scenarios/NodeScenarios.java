package io.reactord.it.scenarios;

import io.reactord.it.AgentReport;
import io.reactord.it.Capability;
import io.reactord.it.ClusterConfig;
import io.reactord.it.NodeState;
import io.reactord.it.Operator;
import io.reactord.it.Scenario;
import io.reactord.it.ScenarioContext;
import io.reactord.it.ScenarioFailure;
import java.util.ArrayList;
import java.util.List;

/** Node and agent lifecycle faults: crashes, shutdowns, agent restarts, stale rejoin, cold starts, churn. */
final class NodeScenarios {
    private NodeScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Simple.of(1, "hard crash of the active node", NodeScenarios::crashActive),
                Simple.of(2, "graceful shutdown of the active node", NodeScenarios::shutdownActive),
                Simple.of(8, "agent kill -9 on the active node and restart", NodeScenarios::killAgent),
                Simple.of(9, "agent restart and reload", NodeScenarios::restartReload).needs(Capability.RELOAD),
                Simple.of(16, "node rejoins with stale data", NodeScenarios::staleRejoin).needs(Capability.OPERATOR)
                        .configure(c -> c.with("preferred-nodes", "[\"" + c.nodes().get(0) + "\"]")
                                .with("preferred-nodes-policy", "\"always\"")
                                .with("sleep-before-promote-factor", "1")),
                Simple.of(17, "cold start of all nodes, at once and one by one", NodeScenarios::coldStart)
                        .configure(c -> c.withAgentsStarted(false)),
                Simple.of(18, "near-quorum churn", NodeScenarios::churn));
    }

    static void crashActive(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        ctx.step("crash " + a, () -> ctx.backend().crashNode(a));
        String n = ctx.awaitConvergedOn("failover", x -> !x.equals(a), "a survivor", ctx.bound());
        ctx.step("boot " + a, () -> ctx.backend().bootNode(a));
        ctx.hold(ctx.quiet() / 2);
        Steps.expectRunsOn(ctx, n, "after " + a + " rejoined (no fail-back by default)");
    }

    static void shutdownActive(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        ctx.step("orderly shutdown of " + a, () -> ctx.backend().shutdownNode(a));
        String n = ctx.awaitConvergedOn("takeover", x -> !x.equals(a), "a survivor", ctx.bound());
        ctx.step("boot " + a, () -> ctx.backend().bootNode(a));
        ctx.hold(ctx.quiet() / 2);
        Steps.expectRunsOn(ctx, n, "after " + a + " rejoined");
        NodeState s = ctx.backend().snapshot().nodes().get(a);
        ctx.check("Secondary".equals(s.role()), a + " should rejoin as Secondary, is " + s.role());
    }

    static void killAgent(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        ctx.hold(500);
        long before = Steps.controllerStarts(ctx);
        long actions = Steps.actions(ctx, a);
        ctx.step("kill -9 the agent on " + a, () -> ctx.backend().killAgent(a));
        ctx.hold(1000);
        ctx.step("start the agent on " + a, () -> ctx.backend().startAgent(a));
        ctx.hold(3000);
        Steps.expectRunsOn(ctx, a, "after its agent was killed and restarted");
        Steps.noActions(ctx, a, actions, "across the agent restart");
        ctx.check(Steps.controllerStarts(ctx) == before, "no node may start the controller across the agent restart");
    }

    static void restartReload(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        ctx.hold(500);
        long actions = Steps.actions(ctx, a);
        long starts = Steps.controllerStarts(ctx);
        ctx.step("stop the agent on " + a + " (SIGTERM)", () -> ctx.backend().stopAgent(a));
        ctx.hold(500);
        ctx.step("start the agent on " + a, () -> ctx.backend().startAgent(a));
        ctx.hold(2000);
        Steps.noActions(ctx, a, actions, "across an agent restart");
        ClusterConfig same = ctx.backend().config();
        for (String n : ctx.nodes()) {
            ctx.step("reload " + n + " with the same configuration", () -> ctx.backend().reloadAgent(n, same));
        }
        ctx.hold(2000);
        Steps.noActions(ctx, a, actions, "after a reload with an unchanged configuration");
        ClusterConfig changed = same.with("max-failures", "7");
        for (String n : ctx.nodes()) {
            ctx.step("reload " + n + " with max-failures changed", () -> ctx.backend().reloadAgent(n, changed));
        }
        ctx.hold(2000);
        Steps.noActions(ctx, a, actions, "after a reload that changed a setting of the running resource");
        ctx.check(Steps.controllerStarts(ctx) == starts, "no node may start the controller across restart and reloads");
        Steps.expectRunsOn(ctx, a, "after restart and reloads");
    }

    static void staleRejoin(ScenarioContext ctx) throws Exception {
        String pref = ctx.nodes().get(0);
        String res = ctx.resource();
        ctx.watch("16: a node with a disk that is not UpToDate became Primary", s -> {
            for (NodeState n : s.nodes().values()) {
                if (n.primary() && !"UpToDate".equals(n.disk())) {
                    return true;
                }
            }
            return false;
        });
        String first = Steps.initial(ctx);
        if (!first.equals(pref)) {
            // agent processes start at different times: the first one up may win before the preference counts
            ctx.step("reactorctl move to " + pref, () -> ctx.note(ctx.backend().operator(first, Operator.MOVE, pref)));
            ctx.awaitConvergedOn("move to the preferred node", pref::equals, pref, ctx.bound());
        }
        ctx.step("crash " + pref, () -> ctx.backend().crashNode(pref));
        ctx.awaitConvergedOn("failover", x -> !x.equals(pref), "a survivor", ctx.bound());
        ctx.hold(1500);
        // As on a real node, the agent is up before DRBD has resynced: boot the node cut off from its peers, wait
        // until its agent has read the DRBD state, then let it reconnect and resync. (Booted connected, a fast
        // resync can beat the agent's start; the survivor's fail-back release then goes to the third node, which
        // rightly never fails back for a peer that was UpToDate before it took over.)
        Steps.isolate(ctx, pref);
        ctx.step("boot " + pref + " (its data is stale now)", () -> ctx.backend().bootNode(pref));
        if (!ctx.backend().await(() -> {
            AgentReport r = ctx.backend().report(pref);
            return r != null && !r.absent();
        }, ctx.bound())) {
            throw new ScenarioFailure(pref + "'s agent did not report the DRBD state within " + ctx.bound() + " ms");
        }
        Steps.heal(ctx);
        long t0 = ctx.backend().nowMs();
        ctx.awaitConvergedOn("fail-back to the preferred node", pref::equals, pref, ctx.bound());
        ctx.note("fail-back after " + (ctx.backend().nowMs() - t0) + " ms; " + pref + " disk "
                + ctx.backend().sim().disk(pref, res, 0).word());
    }

    static void coldStart(ScenarioContext ctx) throws Exception {
        ctx.watch("17: a node without UpToDate data became Primary", s -> s.nodes().values().stream()
                .anyMatch(n -> n.primary() && !"UpToDate".equals(n.disk())));
        for (String n : ctx.nodes()) {
            ctx.step("start the agent on " + n, () -> ctx.backend().startAgent(n));
        }
        ctx.awaitConverged("cold start, all agents at once");
        for (List<String> order : permutations(ctx.nodes())) {
            for (String n : ctx.nodes()) {
                ctx.step("crash " + n, () -> ctx.backend().crashNode(n));
            }
            ctx.hold(200);
            for (String n : order) {
                ctx.step("boot " + n, () -> ctx.backend().bootNode(n));
                ctx.hold(300);
            }
            ctx.awaitConverged("cold start in order " + String.join(",", order));
        }
    }

    static void churn(ScenarioContext ctx) throws Exception {
        Steps.initial(ctx);
        List<String> down = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String n = ctx.nodes().get(ctx.random().nextInt(ctx.nodes().size()));
            if (down.contains(n)) {
                ctx.step("boot " + n, () -> ctx.backend().bootNode(n));
                down.remove(n);
            } else if (down.size() < 2) {
                ctx.step("crash " + n, () -> ctx.backend().crashNode(n));
                down.add(n);
            }
            ctx.hold(300 + ctx.random().nextInt(2500));
        }
        for (String n : List.copyOf(down)) {
            ctx.step("boot " + n, () -> ctx.backend().bootNode(n));
        }
        ctx.awaitConverged("convergence after churn");
    }

    static List<List<String>> permutations(List<String> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<String>> out = new ArrayList<>();
        for (String first : items) {
            List<String> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<String> p : permutations(rest)) {
                List<String> l = new ArrayList<>();
                l.add(first);
                l.addAll(p);
                out.add(l);
            }
        }
        return out;
    }
}
