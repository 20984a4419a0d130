package io.reactord.it.scenarios;

import io.reactord.it.AgentReport;
import io.reactord.it.Capability;
import io.reactord.it.NodeState;
import io.reactord.it.Scenario;
import io.reactord.it.ScenarioContext;
import io.reactord.it.UnitFault;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Faults below and beside the agent: a demotion that fails even forced (13), the DRBD resource torn down, created
 * and renamed under the agent (22), a connection stuck in a Connecting storm or StandAlone (23), and a jump of one
 * node's wall clock (24).
 */
final class DrbdAdminScenarios {
    private DrbdAdminScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Simple.of(13, "demote failure escalates", DrbdAdminScenarios::demoteFailure)
                        .configure(c -> c.with("on-drbd-demote-failure", "\"exit\"")),
                Simple.of(22, "resource torn down and re-created under the agent", DrbdAdminScenarios::teardown)
                        .needs(Capability.STATUS),
                Simple.of(23, "stuck connection loop (Connecting storm, StandAlone)", DrbdAdminScenarios::stuckLoop)
                        .configure(c -> c.withMetrics(true)).needs(Capability.STATUS),
                Simple.of(24, "wall-clock jump on one node", DrbdAdminScenarios::wallClockJump)
                        .configure(c -> c.with("max-failures", "3")));
    }

    /**
     * The active node loses quorum while its demotion fails even forced: the promote unit's stop fails, the
     * escalation unit runs and its FailureAction ({@code exit}: the node's service manager exits, the harmless
     * stand-in for a reboot) follows; the agent reports it. The majority takes over meanwhile (the stuck Primary
     * has no quorum, so I1 holds) and keeps it when the node goes down. (A rebooted node's rejoin is scenario 1's.)
     */
    static void demoteFailure(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("escalat|demote|secondary|stop");
        String a = Steps.initial(ctx);
        String res = ctx.resource();
        ctx.step("demoting " + res + " fails on " + a + ", also forced",
                () -> ctx.backend().sim().failDemote(a, res, true));
        Steps.isolate(ctx, a);
        long t0 = ctx.backend().nowMs();
        String[] taker = new String[1];
        boolean tookOver = ctx.backend().await(() -> {
            for (NodeState x : ctx.backend().snapshot().nodes().values()) {
                if (!x.node().equals(a) && x.primary() && x.quorum() && x.runsAll()) {
                    taker[0] = x.node();
                    return true;
                }
            }
            return false;
        }, ctx.bound());
        ctx.check(tookOver, "the majority must take over while " + a + " cannot demote");
        ctx.measure("failover past the failed demotion", ctx.backend().nowMs() - t0);
        String n = taker[0];
        boolean ran = ctx.backend().await(() -> ctx.backend().escalations(a).stream()
                .anyMatch(e -> e.startsWith("ran:") && e.contains("exit")), ctx.bound());
        List<String> evidence = ctx.backend().escalations(a);
        evidence.forEach(e -> ctx.note(a + ": " + e));
        ctx.check(ran, "the escalation's FailureAction=exit must run on " + a + ", saw " + evidence);
        if (ctx.backend().capabilities().contains(Capability.DAEMON_REPORTS)) {
            ctx.check(evidence.stream().anyMatch(e -> e.startsWith("reported:")),
                    "the agent on " + a + " must report the escalation, saw " + evidence);
        }
        NodeState s = ctx.backend().snapshot().nodes().get(a);
        ctx.check(s.primary() && !s.quorum() && !s.runsAny(), a + " must stay a Primary without quorum that runs"
                + " nothing (its demotion failed)");
        ctx.step(a + " goes down (the reboot the escalation stands for)", () -> ctx.backend().crashNode(a));
        Steps.heal(ctx);
        ctx.hold(1000);
        ctx.awaitConvergedOn("after " + a + " went down", n::equals, n, ctx.bound());
    }

    /**
     * {@code drbdadm down} and {@code up} of the resource on a secondary, then a rename there while the active node
     * crashes: the agent's view follows each change, it never acts on the resource while it is gone or renamed, and
     * the active node sees zero actions.
     */
    static void teardown(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        String s = ctx.other(a);
        String c = ctx.other(a, s);
        String res = ctx.resource();
        String renamed = res + "_renamed";
        AtomicBoolean gone = new AtomicBoolean();
        ctx.watch("22: " + s + " runs or promotes while its resource is gone or renamed",
                x -> gone.get() && (x.nodes().get(s).primary() || x.nodes().get(s).runsAny()));
        ctx.hold(500);
        long act = Steps.actions(ctx, a) + Steps.actions(ctx, s);
        ctx.step("drbdadm down " + res + " on " + s, () -> {
            gone.set(true);
            var r = ctx.backend().sim().destroyResource(s, res);
            ctx.check(r.success(), "drbdadm down on a Secondary must succeed: " + r.stderr());
        });
        Steps.awaitReport(ctx, s, AgentReport::absent, "no DRBD resource " + res);
        ctx.hold(1000);
        Steps.expectRunsOn(ctx, a, "while " + res + " is down on " + s);
        ctx.step("drbdadm up " + res + " on " + s, () -> {
            ctx.backend().sim().createResource(s, res);
            gone.set(false);
        });
        Steps.awaitReport(ctx, s, r -> "secondary".equals(r.role()) && r.peers().size() == 2
                && r.peers().values().stream().allMatch("CONNECTED"::equals), "Secondary, connected to both peers");
        ctx.check(ctx.backend().await(() -> "UpToDate".equals(ctx.backend().snapshot().nodes().get(s).disk()),
                ctx.bound()), s + " must resync to UpToDate after drbdadm up");
        ctx.check(Steps.actions(ctx, a) + Steps.actions(ctx, s) == act, "zero unit starts/stops on " + a + " and "
                + s + " across down/up of " + res + " on " + s);
        ctx.step("rename " + res + " to " + renamed + " on " + s, () -> {
            gone.set(true);
            ctx.backend().sim().renameResource(s, res, renamed);
        });
        Steps.awaitReport(ctx, s, AgentReport::absent, "no DRBD resource " + res + " (renamed)");
        ctx.step("crash " + a, () -> ctx.backend().crashNode(a));
        ctx.awaitConvergedOn("failover while " + s + " has the resource renamed", c::equals, c, ctx.bound());
        ctx.step("rename " + renamed + " back to " + res + " on " + s, () -> {
            ctx.backend().sim().renameResource(s, renamed, res);
            gone.set(false);
        });
        Steps.awaitReport(ctx, s, r -> "secondary".equals(r.role()) && "CONNECTED".equals(r.peers().get(c)),
                "Secondary again, connected to " + c);
        ctx.hold(1000);
        Steps.expectRunsOn(ctx, c, "after the rename back");
    }

    /**
     * A secondary's handshakes fail for seconds (Connecting storm), then it goes StandAlone: the agents take no
     * action, the status, {@code reactorctl doctor} and the metrics show it; with the active node crashed and the
     * StandAlone node the only peer, nobody promotes; after {@code drbdadm connect} the cluster converges.
     */
    static void stuckLoop(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        String s = ctx.other(a);
        String c = ctx.other(a, s);
        AtomicBoolean stuck = new AtomicBoolean();
        ctx.watch("23: " + s + " became Primary on the wrong side", x -> stuck.get() && x.nodes().get(s).primary());
        ctx.hold(500);
        long act = Steps.actions(ctx, a) + Steps.actions(ctx, s) + Steps.actions(ctx, c);
        ctx.step("every handshake of " + s + " fails (Connecting storm)", () -> {
            stuck.set(true);
            ctx.backend().sim().failHandshakes(s, a, true);
            ctx.backend().sim().failHandshakes(s, c, true);
        });
        Steps.awaitReport(ctx, s, r -> r.peers().size() == 2 && !r.peers().containsValue("CONNECTED"),
                "both connections down");
        ctx.hold(3000);
        ctx.check(Steps.actions(ctx, a) + Steps.actions(ctx, s) + Steps.actions(ctx, c) == act,
                "a Connecting storm on a secondary must cause zero unit starts/stops");
        Steps.expectRunsOn(ctx, a, "during the Connecting storm");
        ctx.step(s + " goes StandAlone (drbdadm disconnect)", () -> {
            ctx.backend().sim().failHandshakes(s, a, false);
            ctx.backend().sim().failHandshakes(s, c, false);
            ctx.backend().sim().standAlone(s, a, true);
            ctx.backend().sim().standAlone(s, c, true);
        });
        Steps.awaitReport(ctx, s, r -> "STANDALONE".equals(r.peers().get(a)) && "STANDALONE".equals(r.peers().get(c)),
                "StandAlone to both peers");
        if (ctx.backend().capabilities().contains(Capability.DAEMON_REPORTS)) {
            String doctor = ctx.backend().doctor(s);
            ctx.note("reactorctl doctor on " + s + ": " + doctor.replace('\n', '|'));
            ctx.check(doctor.startsWith("exit 1") && doctor.contains("connection to " + a + " is StandAlone")
                    && doctor.contains("connection to " + c + " is StandAlone"), "reactorctl doctor on " + s
                    + " must report both StandAlone connections:\n" + doctor);
            String metrics = ctx.backend().metrics(s);
            ctx.check(metrics != null && Steps.metric(metrics, "drbd_connection_state", 1, "conn_name=\"" + a + "\"",
                    "drbd_connection_state=\"StandAlone\""), "the metrics of " + s + " must show the StandAlone"
                    + " connection to " + a);
        }
        long starts = Steps.controllerStarts(ctx);
        ctx.step("crash " + a + ": " + c + "'s only peer is StandAlone", () -> ctx.backend().crashNode(a));
        ctx.awaitIdle("nobody may promote", ctx.bound());
        ctx.hold(2000);
        ctx.check(ctx.backend().snapshot().idle() && Steps.controllerStarts(ctx) == starts,
                "nobody may start anything without quorum");
        ctx.check(ctx.backend().unexpectedExits().isEmpty(), "every agent keeps running");
        ctx.step(s + " reconnects (drbdadm connect)", () -> {
            stuck.set(false);
            ctx.backend().sim().standAlone(s, a, false);
            ctx.backend().sim().standAlone(s, c, false);
        });
        ctx.awaitConverged("after " + s + " reconnected");
    }

    /**
     * Failure counting across wall-clock jumps of the active node: the controller crashes once (restarted in place),
     * the node's wall clock jumps 2 h ahead, the controller crashes twice more: with {@code max-failures = 3} in a
     * 10-minute window measured on the monotonic clock the node releases the resource (a window on the wall clock
     * would have forgotten the first crash and restarted in place). The clock then jumps back 2 h: no node acts.
     */
    static void wallClockJump(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("failures within|failed to start|releasing|giving up");
        String a = Steps.initial(ctx);
        crashOnce(ctx, a);
        ctx.awaitConvergedOn("restart in place after one crash", a::equals, a, ctx.bound());
        ctx.step("the wall clock of " + a + "'s agent jumps 2 h ahead",
                () -> ctx.backend().jumpWallClock(a, 7_200_000));
        crashOnce(ctx, a);
        ctx.awaitConvergedOn("restart in place after the second crash", a::equals, a, ctx.bound());
        crashOnce(ctx, a);
        String n = ctx.awaitConvergedOn("release after the third crash (max-failures 3)", x -> !x.equals(a), "a peer",
                ctx.bound());
        long act = Steps.controllerStarts(ctx);
        ctx.step("the wall clock of " + a + "'s agent jumps 2 h back", () -> ctx.backend().jumpWallClock(a, 0));
        ctx.hold(2000);
        Steps.expectRunsOn(ctx, n, "after the wall clock jumped back");
        ctx.check(Steps.controllerStarts(ctx) == act, "a wall-clock jump must not start anything");
    }

    private static void crashOnce(ScenarioContext ctx, String node) throws Exception {
        Steps.pastStartSettle(ctx);
        ctx.step("the controller on " + node + " crashes once", () -> {
            ctx.backend().setFault(node, UnitFault.CONTROLLER_CRASHES, true);
            ctx.backend().setFault(node, UnitFault.CONTROLLER_CRASHES, false);
        });
    }
}
