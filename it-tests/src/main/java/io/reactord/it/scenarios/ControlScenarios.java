package io.reactord.it.scenarios;

import io.reactord.it.Capability;
import io.reactord.it.Operator;
import io.reactord.it.Scenario;
import io.reactord.it.ScenarioContext;
import java.util.List;

/** Operator requests, events2 stream faults, manager restarts, hostile input. */
final class ControlScenarios {
    private ControlScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Simple.of(19, "reactorctl evict, evict --keep-masked, move (also during a resync)",
                        ControlScenarios::evictMove).needs(Capability.OPERATOR),
                Simple.of(20, "reactorctl disable --now / enable", ControlScenarios::disableEnable)
                        .needs(Capability.OPERATOR),
                Simple.of(21, "events2 stream loss and garbage", ControlScenarios::streamLoss)
                        .needs(Capability.EVENTS2_FAULTS),
                Simple.of(25, "service manager restarted / D-Bus connection dropped", ControlScenarios::managerRestart)
                        .needs(Capability.MANAGER_RESTART),
                Simple.of(26, "hostile events2 input", ControlScenarios::hostileInput)
                        .needs(Capability.EVENTS2_FAULTS));
    }

    static void evictMove(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("evict|move|masked");
        String a = Steps.initial(ctx);
        ctx.step("reactorctl evict on " + a, () -> ctx.note(ctx.backend().operator(a, Operator.EVICT, null)));
        String b = ctx.awaitConvergedOn("evict", x -> !x.equals(a), "another node", ctx.bound());
        ctx.step("reactorctl move to " + a, () -> ctx.note(ctx.backend().operator(b, Operator.MOVE, a)));
        ctx.awaitConvergedOn("move back to " + a, a::equals, a, ctx.bound() + 15_000);
        ctx.step("reactorctl evict --keep-masked on " + a, () ->
                ctx.note(ctx.backend().operator(a, Operator.EVICT_KEEP_MASKED, null)));
        String c = ctx.awaitConvergedOn("evict --keep-masked", x -> !x.equals(a), "another node",
                ctx.bound() + 15_000);
        ctx.step("crash " + c, () -> ctx.backend().crashNode(c));
        String d = ctx.awaitConvergedOn("failover with " + a + " masked", x -> !x.equals(a) && !x.equals(c),
                "the third node", ctx.bound() + 15_000);
        ctx.step("reactorctl enable on " + a, () -> ctx.note(ctx.backend().operator(a, Operator.ENABLE, null)));
        ctx.step("boot " + c + " (it resyncs)", () -> ctx.backend().bootNode(c));
        ctx.step("reactorctl move to " + c + " during its resync",
                () -> ctx.note(ctx.backend().operator(d, Operator.MOVE, c)));
        ctx.awaitConvergedOn("move to a resyncing node", c::equals, c, ctx.bound() + 15_000);
    }

    static void disableEnable(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("disable|enable");
        String a = Steps.initial(ctx);
        String b = ctx.other(a);
        ctx.step("reactorctl disable on " + b, () -> ctx.note(ctx.backend().operator(b, Operator.DISABLE_NOW, null)));
        ctx.step("reactorctl disable --now on " + a, () ->
                ctx.note(ctx.backend().operator(a, Operator.DISABLE_NOW, null)));
        String c = ctx.other(a, b);
        ctx.awaitConvergedOn("disable --now on the active node", c::equals, c, ctx.bound());
        ctx.step("crash " + c, () -> ctx.backend().crashNode(c));
        ctx.awaitIdle("hands off: both survivors are disabled", ctx.bound());
        ctx.hold(ctx.quiet() / 2);
        ctx.check(ctx.backend().snapshot().idle(), "disabled nodes must not take over");
        ctx.step("reactorctl enable on " + b, () -> ctx.note(ctx.backend().operator(b, Operator.ENABLE, null)));
        ctx.awaitConvergedOn("recovery after enable", b::equals, b, ctx.bound());
        ctx.step("reactorctl enable on " + a, () -> ctx.note(ctx.backend().operator(a, Operator.ENABLE, null)));
        ctx.step("boot " + c, () -> ctx.backend().bootNode(c));
        ctx.hold(ctx.quiet() / 2);
        Steps.expectRunsOn(ctx, b, "after every node was enabled again");
    }

    static void streamLoss(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("events2");
        String a = Steps.initial(ctx);
        String s = ctx.other(a);
        ctx.hold(500);
        long actA = Steps.actions(ctx, a);
        long actS = Steps.actions(ctx, s);
        ctx.step("kill drbdsetup events2 under the agent on " + a, () -> ctx.backend().breakEvents2(a, false));
        ctx.hold(3000);
        ctx.step("events2 on " + s + " emits garbage", () -> ctx.backend().breakEvents2(s, true));
        ctx.hold(3000);
        Steps.noActions(ctx, a, actA, "after its events2 stream was restarted");
        Steps.noActions(ctx, s, actS, "after its events2 stream emitted garbage");
        Steps.expectRunsOn(ctx, a, "after the stream faults");
        ctx.step("kill events2 on " + s + " and crash " + a + " while it restarts", () -> {
            ctx.backend().breakEvents2(s, false);
            ctx.backend().crashNode(a);
        });
        ctx.awaitConvergedOn("failover with a restarting stream", x -> !x.equals(a), "a survivor",
                ctx.bound() + 5000);
    }

    static void managerRestart(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        ctx.hold(500);
        long act = Steps.actions(ctx, a);
        ctx.step("restart the service manager's bus under the agent on " + a,
                () -> ctx.backend().restartManager(a));
        ctx.hold(5000); // time for an agent that wrongly acts on the restart to act
        // the harness reads the node's units over the same bus, so it sees nothing until its own client is back:
        // wait for that (a busy machine needs seconds) instead of judging a node it cannot see yet
        ctx.awaitConvergedOn("the manager restart", a::equals, a, ctx.bound());
        Steps.noActions(ctx, a, act, "after the manager restart");
        ctx.step("crash " + a, () -> ctx.backend().crashNode(a));
        ctx.awaitConvergedOn("failover after a reconnect", x -> !x.equals(a), "a survivor", ctx.bound());
    }

    static void hostileInput(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("events2|line");
        String a = Steps.initial(ctx);
        long act = Steps.actions(ctx, a);
        for (String n : ctx.nodes()) {
            ctx.step("garbage into events2 on " + n, () -> ctx.backend().breakEvents2(n, true));
        }
        ctx.hold(3000);
        Steps.noActions(ctx, a, act, "after hostile input");
        Steps.expectRunsOn(ctx, a, "after hostile input");
    }
}
