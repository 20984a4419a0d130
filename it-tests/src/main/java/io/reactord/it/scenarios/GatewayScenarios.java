package io.reactord.it.scenarios;

import io.reactord.it.Backend;
import io.reactord.it.Capability;
import io.reactord.it.ClusterConfig;
import io.reactord.it.NodeState;
import io.reactord.it.Scenario;
import io.reactord.it.ScenarioContext;
import java.nio.file.Files;
import java.util.List;

/**
 * A snippet written as LINSTOR Gateway writes them (issue 16), in the fault suite's LINSTOR layout: the gateway's
 * {@code [promoter.metadata]} table, an OCF entry with quoted values between the mount and the controller,
 * {@code target-as = "BindsTo"} and {@code stop-services-on-exit = true}.
 */
final class GatewayScenarios {
    private GatewayScenarios() {
    }

    /** The Dummy agent's state file of scenario 36, in the node's directory (exists while it runs). */
    static final String STATE = "gw-dummy.state";

    /**
     * The OCF entry as the gateway quotes its values: single quotes around a path, escaped double quotes around a
     * comma list (the form of {@code options='rw,all_squash'} and {@code tickle_dir="…"} in a gateway NFS snippet).
     */
    static final String OCF_ENTRY = "ocf:heartbeat:Dummy fs_res state='" + ClusterConfig.NODE_DIR + "/" + STATE
            + "' fake=\\\"rw,all_squash,anonuid=0,anongid=0\\\"";

    static List<Scenario> all() {
        return List.of(Simple.of(36, "LINSTOR Gateway snippet ([promoter.metadata], quoted OCF values, BindsTo,"
                                + " stop-services-on-exit)", GatewayScenarios::gateway)
                .configure(c -> c.with(ClusterConfig.METADATA + "linstor-gateway-schema-version", "1")
                        .with("start", "[\"" + ClusterConfig.MOUNT_UNIT + "\", \"" + OCF_ENTRY + "\", \""
                                + ClusterConfig.CONTROLLER_UNIT + "\"]")
                        .with("target-as", "\"BindsTo\"")
                        .with("stop-services-on-exit", "true"))
                .needs(Capability.PROCESS_RUNNERS).unsupported(PolicyScenarios::ocfUnsupported));
    }

    /**
     * 36: the stack (mount, OCF Dummy, controller) starts on one node, the Dummy's state file there only; that node
     * is cut off: it stops the stack and the majority runs it, Dummy included; healed, the agent of the active node
     * is stopped (SIGTERM) and, with {@code stop-services-on-exit}, stops its services (the Dummy's state file gone,
     * nothing running, Secondary) and another node takes over; started again, it stays Secondary.
     */
    static void gateway(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("failed|releasing|quorum|ocf|Dummy|exit|stopp");
        Backend b = ctx.backend();
        String a = Steps.initial(ctx);
        ctx.check(b.await(() -> dummyOnlyOn(ctx, a), 10_000), "the Dummy agent must run on " + a + " only");
        Steps.isolate(ctx, a);
        String m = ctx.awaitConvergedOn("failover of the gateway snippet", x -> !x.equals(a), "the majority",
                ctx.bound());
        ctx.check(b.await(() -> dummyOnlyOn(ctx, m), 10_000), "the OCF resource must be stopped on " + a
                + " and run on " + m);
        Steps.heal(ctx);
        ctx.hold(2000);
        Steps.expectRunsOn(ctx, m, "after the heal");
        long stops = b.stops(m, ClusterConfig.CONTROLLER_UNIT);
        ctx.step("stop the agent on " + m + " (SIGTERM; stop-services-on-exit)", () -> b.stopAgent(m));
        boolean stopped = b.await(() -> {
            NodeState st = b.snapshot().nodes().get(m);
            return !st.runsAny() && !st.primary() && !Files.exists(b.nodeDir(m).resolve(STATE));
        }, ctx.bound());
        ctx.check(stopped && b.stops(m, ClusterConfig.CONTROLLER_UNIT) > stops, "with stop-services-on-exit the"
                + " agent on " + m + " must stop its services (the Dummy included) and demote on exit; " + m + " is "
                + b.snapshot().nodes().get(m));
        String n = ctx.awaitConvergedOn("takeover after the agent on " + m + " exited", x -> !x.equals(m),
                "another node", ctx.bound());
        ctx.check(b.await(() -> dummyOnlyOn(ctx, n), 10_000), "the OCF resource must run on " + n + " only");
        ctx.step("start the agent on " + m, () -> b.startAgent(m));
        ctx.hold(3000);
        Steps.expectRunsOn(ctx, n, "after the agent on " + m + " started again");
    }

    private static boolean dummyOnlyOn(ScenarioContext ctx, String node) {
        for (String n : ctx.nodes()) {
            if (Files.exists(ctx.backend().nodeDir(n).resolve(STATE)) != n.equals(node)) {
                return false;
            }
        }
        return true;
    }
}
