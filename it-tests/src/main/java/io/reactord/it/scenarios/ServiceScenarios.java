package io.reactord.it.scenarios;

import io.reactord.it.Capability;
import io.reactord.it.NodeState;
import io.reactord.it.Scenario;
import io.reactord.it.ScenarioContext;
import io.reactord.it.UnitFault;
import java.util.List;

/** Faults of the managed units: crashing services, start, stop and demote failures, disk detach, hung services. */
final class ServiceScenarios {
    private ServiceScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Simple.of(10, "service crashes once, then repeatedly", ServiceScenarios::serviceCrashes)
                        .configure(c -> c.with("max-failures", "3")),
                Simple.of(11, "start failure on the winning node, then on every node", ServiceScenarios::startFailure)
                        .configure(c -> c.with("max-failures", "2")),
                Simple.of(12, "stop failure (a service refuses to stop)", ServiceScenarios::stopFailure),
                Simple.of(14, "local disk detach on the active node (fail-over)", ServiceScenarios::diskDetach)
                        .configure(c -> c.with("on-disk-detach", "\"fail-over\"")),
                Simple.of(15, "hung service while quorum is lost", ServiceScenarios::hungService)
                        .needs(Capability.STATUS));
    }

    static void serviceCrashes(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("failures within|failed to start|releasing|giving up");
        String a = Steps.initial(ctx);
        ctx.step("the controller on " + a + " crashes once", () -> {
            ctx.backend().setFault(a, UnitFault.CONTROLLER_CRASHES, true);
            ctx.backend().setFault(a, UnitFault.CONTROLLER_CRASHES, false);
        });
        ctx.awaitConverged("recovery after one crash");
        String b = ctx.active();
        long starts = Steps.controllerStarts(ctx);
        ctx.step("the controller on " + b + " crashes at every start", () ->
                ctx.backend().setFault(b, UnitFault.CONTROLLER_CRASHES, true));
        String n = ctx.awaitConvergedOn("takeover after repeated crashes", x -> !x.equals(b), "a peer",
                ctx.bound() + 60_000);
        long used = Steps.controllerStarts(ctx) - starts;
        ctx.note("the crashing node was released after " + used + " controller starts");
        ctx.check(used <= 6, "bounded restarts before the release, saw " + used);
        ctx.hold(ctx.quiet());
        Steps.expectRunsOn(ctx, n, "after the release (no start loop)");
    }

    static void startFailure(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("failures within|failed to start|releasing|giving up|failed");
        String a = Steps.initial(ctx);
        String b = ctx.other(a);
        String c = ctx.other(a, b);
        ctx.step("mounting fails on " + b, () -> ctx.backend().setFault(b, UnitFault.MOUNT_FAILS, true));
        ctx.step("crash " + a, () -> ctx.backend().crashNode(a));
        ctx.awaitConvergedOn("failover past the failing node", c::equals, c, ctx.bound() + 30_000);
        ctx.step("boot " + a + " with a failing mount", () -> {
            ctx.backend().setFault(a, UnitFault.MOUNT_FAILS, true);
            ctx.backend().bootNode(a);
        });
        ctx.hold(2000);
        ctx.step("mounting fails on " + c + " too; crash " + c, () -> {
            ctx.backend().setFault(c, UnitFault.MOUNT_FAILS, true);
            ctx.backend().crashNode(c);
        });
        ctx.step("boot " + c, () -> ctx.backend().bootNode(c));
        ctx.hold(45_000);
        long starts = totalMountStarts(ctx);
        ctx.hold(30_000);
        long more = totalMountStarts(ctx) - starts;
        ctx.check(more == 0, "every node fails: the cluster must settle instead of looping, saw " + more
                + " more mount attempts in 30 s");
        ctx.check(ctx.backend().snapshot().converged() == null, "nobody can run the resource");
        for (NodeState s : ctx.backend().snapshot().nodes().values()) {
            ctx.check(!s.runsAny(), s.node() + " must not keep units running");
        }
        for (String n : ctx.nodes()) {
            ctx.step("repair the mount on " + n, () -> ctx.backend().setFault(n, UnitFault.MOUNT_FAILS, false));
        }
        ctx.note("settled with every node failed; repairing the mount alone does not restart it (enable does)");
    }

    private static long totalMountStarts(ScenarioContext ctx) {
        long n = 0;
        for (String node : ctx.nodes()) {
            n += ctx.backend().starts(node, io.reactord.it.ClusterConfig.MOUNT_UNIT);
        }
        return n;
    }

    static void stopFailure(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        ctx.step("the controller on " + a + " ignores SIGTERM", () ->
                ctx.backend().setFault(a, UnitFault.CONTROLLER_STOP_HANGS, true));
        Steps.isolate(ctx, a);
        String n = ctx.awaitConvergedOn("failover while the stop hangs", x -> !x.equals(a), "the majority",
                ctx.bound() + 10_000);
        NodeState s = ctx.backend().snapshot().nodes().get(a);
        ctx.check("Secondary".equals(s.role()) && !s.runsAny(), a + " must end stopped and demoted");
        ctx.step("repair " + a, () -> ctx.backend().setFault(a, UnitFault.CONTROLLER_STOP_HANGS, false));
        Steps.heal(ctx);
        ctx.hold(ctx.quiet() / 2);
        Steps.expectRunsOn(ctx, n, "after the heal");
    }

    static void diskDetach(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        String res = ctx.resource();
        ctx.watch("14: the resource moved to a node without UpToDate data", s -> s.nodes().values().stream()
                .anyMatch(n -> n.runsAll() && !n.node().equals(a) && !"UpToDate".equals(n.disk())));
        ctx.step("detach the disk of " + a, () -> ctx.backend().sim().detachDisk(a, res, 0, false));
        ctx.awaitConvergedOn("fail-over after the detach", x -> !x.equals(a), "an UpToDate peer", ctx.bound());
        ctx.step("attach the disk of " + a + " again", () -> ctx.backend().sim().attachDisk(a, res, 0));
        ctx.hold(ctx.quiet() / 2);
        ctx.check(ctx.backend().snapshot().converged() != null, "still one node running after the re-attach");
    }

    static void hungService(ScenarioContext ctx) throws Exception {
        String a = Steps.initial(ctx);
        ctx.step("the controller on " + a + " hangs (ignores SIGTERM)", () ->
                ctx.backend().setFault(a, UnitFault.CONTROLLER_STOP_HANGS, true));
        Steps.isolate(ctx, a);
        ctx.hold(ctx.backend().config().timing().detectPartitionMs() + 300);
        String seen = ctx.backend().reportedActiveNode(a);
        ctx.check(seen != null, "the agent on " + a + " must answer while the stop hangs");
        ctx.note("the agent on " + a + " answered during the hung stop: " + seen);
        ctx.awaitConvergedOn("failover past the hung service", x -> !x.equals(a), "the majority",
                ctx.bound() + 10_000);
        ctx.step("repair " + a, () -> ctx.backend().setFault(a, UnitFault.CONTROLLER_STOP_HANGS, false));
        Steps.heal(ctx);
        ctx.awaitConverged("after the heal");
    }
}
