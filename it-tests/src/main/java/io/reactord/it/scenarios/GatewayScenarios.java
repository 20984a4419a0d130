package io.reactord.it.scenarios;

import io.reactord.it.Backend;
import io.reactord.it.ClusterConfig;
import io.reactord.it.NodeState;
import io.reactord.it.Scenario;
import io.reactord.it.ScenarioContext;
import io.reactord.sim.Role;
import io.reactord.sim.SimCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * A LINSTOR Gateway resource next to {@code linstor_db} (issue 16): the suite's LINSTOR layout runs as always (its
 * invariants are about {@code linstor_db}), and a second DRBD resource {@value #GW} on every node carries a snippet
 * written as LINSTOR Gateway writes them: the gateway's {@code [promoter.metadata]} table, OCF entries with quoted
 * values, {@code target-as = "BindsTo"} and {@code stop-services-on-exit = true}.
 */
final class GatewayScenarios {
    private GatewayScenarios() {
    }

    /** The gateway resource (an NFS export's DRBD resource as LINSTOR Gateway names its resources). */
    static final String GW = "gw_nfs";
    /** The gateway resource's two OCF instances: a filesystem-like and an export-like Dummy. */
    static final List<String> INSTANCES = List.of("fs_" + GW, "export_" + GW);
    /** Their state files, in the node's directory (exist while they run; the real backend). */
    static final List<String> STATES = List.of("gw-fs.state", "gw-export.state");
    /** Their units ({@code ocf.rs@INSTANCE_RES.service}; their states tell where nodes have no directory). */
    static final List<String> UNITS = INSTANCES.stream().map(i -> "ocf.rs@" + i + "_" + GW + ".service").toList();

    /**
     * An OCF entry as the gateway quotes its values: single quotes around a path, escaped double quotes around a
     * comma list (the form of {@code options='rw,all_squash'} and {@code tickle_dir="…"} in a gateway NFS snippet).
     */
    static String ocfEntry(String instance, String stateFile) {
        return "ocf:heartbeat:Dummy " + instance + " state='" + ClusterConfig.NODE_DIR + "/" + stateFile
                + "' fake=\\\"rw,all_squash,anonuid=0,anongid=0\\\"";
    }

    /** The gateway resource's snippet: a filesystem-like and an export-like Dummy, in the gateway's form. */
    static String gatewaySnippet() {
        return "[[promoter]]\n[promoter.metadata]\nlinstor-gateway-schema-version = 1\n"
                + "[promoter.resources." + GW + "]\n"
                + "start = [\"" + ocfEntry(INSTANCES.get(0), STATES.get(0)) + "\", \""
                + ocfEntry(INSTANCES.get(1), STATES.get(1)) + "\"]\n"
                + "target-as = \"BindsTo\"\n"
                + "stop-services-on-exit = true\n";
    }

    static List<Scenario> all() {
        return List.of(Simple.of(36, "LINSTOR Gateway resource next to linstor_db ([promoter.metadata], quoted OCF"
                                + " values, BindsTo, stop-services-on-exit)", GatewayScenarios::gateway)
                .configure(c -> c.withExtraResource(GW, gatewaySnippet()))
                .unsupported(PolicyScenarios::ocfUnsupported));
    }

    /**
     * 36: both resources start, each on some node, the gateway's Dummies only where {@value #GW} is Primary (checked on
     * every sample). The gateway resource's node is cut off: it stops the Dummies and demotes {@value #GW} (quorum
     * loss), the majority runs {@value #GW}; {@code linstor_db} fails over too when it ran there, else it stays.
     * Healed, nothing moves. The agent on the gateway's node is stopped (SIGTERM): with {@code stop-services-on-exit}
     * it stops {@value #GW}'s services and demotes it, another node takes {@value #GW} over, while {@code linstor_db}
     * (without that key) keeps running where it runs; started again, the agent moves nothing. Then the node now
     * running {@value #GW} is cut off as before (the two resources may now run on different nodes).
     */
    static void gateway(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("failed|releasing|quorum|ocf|Dummy|exit|stopp");
        Backend b = ctx.backend();
        b.onSample(s -> {
            String n = dummyWithoutPrimary(ctx);
            if (n != null) {
                ctx.invariants().violation(s.timeMs(), "a Dummy of " + GW + " runs on " + n + ", which is not"
                        + " Primary for " + GW);
            }
        });
        long t0 = b.nowMs();
        String a = Steps.initial(ctx);
        String g = awaitGateway(ctx, x -> true, "initial start of " + GW, t0);
        ctx.note("linstor_db runs on " + a + ", " + GW + " on " + g);

        String[] after = isolateGatewayNode(ctx, a, g, "");
        String a2 = after[0];
        String g2 = after[1];

        long exit = b.nowMs();
        ctx.step("stop the agent on " + g2 + " (SIGTERM; stop-services-on-exit for " + GW + ")",
                () -> b.stopAgent(g2));
        boolean stopped = b.await(() -> !hasState(ctx, g2) && !primary(ctx, g2), ctx.bound());
        ctx.check(stopped, "with stop-services-on-exit the agent on " + g2 + " must stop " + GW + "'s Dummies and"
                + " demote it on exit; " + gatewayTable(ctx));
        String g3 = awaitGateway(ctx, x -> !x.equals(g2), "takeover of " + GW + " after the agent on " + g2
                + " exited", exit);
        Steps.expectRunsOn(ctx, a2, "after the agent on " + g2 + " exited (linstor_db has no"
                + " stop-services-on-exit)");

        ctx.step("start the agent on " + g2, () -> b.startAgent(g2));
        ctx.hold(3000);
        Steps.expectRunsOn(ctx, a2, "after the agent on " + g2 + " started again");
        ctx.check(g3.equals(gatewayNode(ctx)), GW + " must still run on " + g3 + " after the agent on " + g2
                + " started again; " + gatewayTable(ctx));
        isolateGatewayNode(ctx, a2, g3, ", again");
    }

    /**
     * Cuts off {@code g}, the node running {@value #GW}, then heals: {@value #GW} moves to the majority;
     * {@code linstor_db}, running on {@code a}, moves with it when {@code a} is {@code g}, else stays with zero
     * starts/stops on {@code a}. Returns the nodes of {@code linstor_db} and {@value #GW} after the heal.
     */
    private static String[] isolateGatewayNode(ScenarioContext ctx, String a, String g, String round)
            throws Exception {
        Backend b = ctx.backend();
        long actions = Steps.actions(ctx, a);
        long cut = b.nowMs();
        Steps.isolate(ctx, g);
        String a2 = a.equals(g)
                ? ctx.awaitConvergedOn("failover of linstor_db with " + GW + round, x -> !x.equals(g),
                        "the majority", ctx.bound())
                : ctx.awaitConvergedOn("linstor_db stays on " + a + round, a::equals, a, ctx.bound());
        String g2 = awaitGateway(ctx, x -> !x.equals(g), "failover of " + GW + " (" + g + " isolated)" + round, cut);
        if (!a.equals(g)) {
            Steps.noActions(ctx, a, actions, "while " + g + ", " + GW + "'s node only, was cut off");
        }
        Steps.heal(ctx);
        ctx.hold(2000);
        Steps.expectRunsOn(ctx, a2, "after the heal");
        ctx.check(g2.equals(gatewayNode(ctx)), GW + " must still run on " + g2 + " after the heal; "
                + gatewayTable(ctx));
        return new String[] {a2, g2};
    }

    /**
     * Waits until {@value #GW} runs on exactly one node that {@code which} accepts; records the time since
     * {@code t0} (the fault) with the node in the label.
     */
    private static String awaitGateway(ScenarioContext ctx, Predicate<String> which, String label, long t0) {
        Backend b = ctx.backend();
        String[] seen = new String[1];
        boolean ok = b.await(() -> {
            seen[0] = gatewayNode(ctx);
            return seen[0] != null && which.test(seen[0]);
        }, ctx.bound());
        ctx.check(ok, GW + " must run on one node (" + label + "); " + gatewayTable(ctx));
        ctx.measure(label + " -> " + seen[0], b.nowMs() - t0);
        ctx.note(gatewayTable(ctx));
        return seen[0];
    }

    /**
     * The node where {@value #GW} runs alone: Primary with both Dummies' state files, no other node Primary for it
     * or holding a state file; null otherwise.
     */
    static String gatewayNode(ScenarioContext ctx) {
        String found = null;
        for (String n : ctx.nodes()) {
            boolean p = primary(ctx, n);
            boolean all = dummyRuns(ctx, n, 0) && dummyRuns(ctx, n, 1);
            if (p && all && found == null) {
                found = n;
            } else if (p || hasState(ctx, n)) {
                return null;
            }
        }
        return found;
    }

    /**
     * A node whose Dummy runs (a state file exists) while the node is up and was not Primary for {@value #GW} at any
     * instant of the reading: the role is read before and after the files, and a promotion in between counts.
     */
    private static String dummyWithoutPrimary(ScenarioContext ctx) {
        SimCluster sim = ctx.backend().sim();
        for (String n : ctx.nodes()) {
            boolean before;
            long promotions;
            synchronized (sim) {
                if (!sim.isUp(n)) {
                    continue;
                }
                before = sim.role(n, GW) == Role.PRIMARY;
                promotions = sim.promotions(n, GW);
            }
            if (before || !hasState(ctx, n)) {
                continue;
            }
            synchronized (sim) {
                if (sim.isUp(n) && sim.role(n, GW) != Role.PRIMARY && sim.promotions(n, GW) == promotions) {
                    return n;
                }
            }
        }
        return null;
    }

    private static boolean primary(ScenarioContext ctx, String n) {
        SimCluster sim = ctx.backend().sim();
        return sim.isUp(n) && sim.role(n, GW) == Role.PRIMARY;
    }

    private static boolean hasState(ScenarioContext ctx, String n) {
        return dummyRuns(ctx, n, 0) || dummyRuns(ctx, n, 1);
    }

    /**
     * Whether Dummy {@code i} runs on {@code n}: its state file exists where nodes have a directory (the agent ran
     * its {@code start}, not yet its {@code stop}), else its unit is up in the node's manager.
     */
    private static boolean dummyRuns(ScenarioContext ctx, String n, int i) {
        Path dir = ctx.backend().nodeDir(n);
        return dir != null ? Files.exists(dir.resolve(STATES.get(i)))
                : NodeState.running(ctx.backend().unitState(n, UNITS.get(i)));
    }

    private static String gatewayTable(ScenarioContext ctx) {
        StringBuilder s = new StringBuilder(GW + ":");
        for (String n : ctx.nodes()) {
            s.append(' ').append(n).append('=').append(ctx.backend().sim().role(n, GW).word())
                    .append(hasState(ctx, n) ? "+dummy" : "");
        }
        return s.toString();
    }
}
