package io.reactord.it.scenarios;

import io.reactord.it.Backend;
import io.reactord.it.Capability;
import io.reactord.it.ClusterConfig;
import io.reactord.it.NodeState;
import io.reactord.it.Operator;
import io.reactord.it.Scenario;
import io.reactord.it.ScenarioContext;
import io.reactord.it.UnitFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runner and policy variants (FAULTS.md 32–35): the shell runner across an agent restart, an OCF resource agent in
 * the start list, the service manager's bus gone for longer than the failure window, and a promotion that cannot
 * run or hangs.
 */
final class PolicyScenarios {
    private PolicyScenarios() {
    }

    /** The OCF agent scenario 33 runs (Debian package {@code resource-agents}). */
    static final Path DUMMY = Path.of("/usr/lib/ocf/resource.d/heartbeat/Dummy");
    /** The shell runner's log of scenario 32, in the node's directory: one line per start or stop command. */
    static final String SHELL_LOG = "shell.log";
    /** The Dummy agent's state file of scenario 33, in the node's directory (exists while it runs). */
    static final String DUMMY_STATE = "dummy.state";

    static List<Scenario> all() {
        String res = ClusterConfig.RESOURCE;
        String dir = ClusterConfig.NODE_DIR;
        return List.of(
                Simple.of(32, "shell runner across an agent restart, then quorum loss", PolicyScenarios::shellRunner)
                        .configure(c -> c.with("runner", "\"shell\"")
                                .with("start", "[\"" + dir + "/bin/drbdsim open " + res + " && echo start >> " + dir
                                        + "/" + SHELL_LOG + "\"]")
                                .with("stop", "[\"echo stop >> " + dir + "/" + SHELL_LOG + "; " + dir
                                        + "/bin/drbdsim close " + res + "\"]"))
                        .needs(Capability.PROCESS_RUNNERS),
                Simple.of(33, "OCF resource agent (ocf:heartbeat:Dummy) in the start list", PolicyScenarios::ocf)
                        .configure(c -> c.with("start", "[\"" + ClusterConfig.MOUNT_UNIT + "\", \"ocf:heartbeat:Dummy"
                                + " dummy state=" + dir + "/" + DUMMY_STATE + "\", \"" + ClusterConfig.CONTROLLER_UNIT
                                + "\"]"))
                        .needs(Capability.PROCESS_RUNNERS).unsupported(PolicyScenarios::ocfUnsupported),
                Simple.of(34, "service manager bus gone longer than the failure window, then back",
                                PolicyScenarios::busGone)
                        .configure(c -> c.with("failure-window", "\"10s\"").with("max-failures", "2"))
                        .needs(Capability.MANAGER_RESTART, Capability.STATUS, Capability.OPERATOR),
                Simple.of(35, "failed or hung promotion on a Secondary", PolicyScenarios::failedPromotion)
                        .configure(c -> c.with("max-failures", "2")).needs(Capability.OPERATOR));
    }

    static String ocfUnsupported(Backend b) {
        if (!Files.isExecutable(DUMMY) && !"1".equals(System.getenv("REACTORD_REQUIRE_SYSTEMD"))) {
            return "resource-agents is not installed (" + DUMMY + " missing)";
        }
        return null;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String last(List<String> l) {
        return l.isEmpty() ? "" : l.get(l.size() - 1);
    }

    /** The node that is Primary and whose shell runner's last command was a start, or null. */
    private static String shellActive(ScenarioContext ctx) {
        List<String> p = ctx.backend().snapshot().primaries();
        if (p.size() != 1) {
            return null;
        }
        return "start".equals(last(lines(ctx.backend().nodeDir(p.get(0)).resolve(SHELL_LOG)))) ? p.get(0) : null;
    }

    /**
     * 32: {@code runner = "shell"}: one node promotes and runs the start commands; its agent is killed and started
     * again (zero commands run); then it loses quorum and runs the stop commands before it demotes.
     */
    static void shellRunner(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("failed|releasing|quorum");
        Backend b = ctx.backend();
        ctx.check(b.await(() -> shellActive(ctx) != null, ctx.bound()), "one node must promote and run the start"
                + " commands");
        String a = shellActive(ctx);
        Path log = b.nodeDir(a).resolve(SHELL_LOG);
        int before = lines(log).size();
        ctx.step("kill -9 the agent on " + a, () -> b.killAgent(a));
        ctx.step("start the agent on " + a, () -> b.startAgent(a));
        ctx.hold(5000);
        ctx.check(lines(log).size() == before && a.equals(shellActive(ctx)), "an agent restart runs no command and "
                + a + " keeps running: " + lines(log));
        Steps.isolate(ctx, a);
        boolean stopped = b.await(() -> "stop".equals(last(lines(log))) && !b.snapshot().nodes().get(a).primary(),
                ctx.bound());
        ctx.check(stopped, a + " lost quorum after an agent restart: it must run the stop commands and demote; its"
                + " shell log: " + lines(log));
        ctx.check(b.await(() -> {
            String n = shellActive(ctx);
            return n != null && !n.equals(a);
        }, ctx.bound()), "the majority must take over");
        Steps.heal(ctx);
        ctx.hold(2000);
        ctx.check(shellActive(ctx) != null, "one node runs the resource after the heal");
    }

    /**
     * 33: an OCF agent between the mount and the controller: started with the others (its state file exists on the
     * active node only), monitored (its state file removed: a unit failure the agent handles), stopped with the
     * others when the node loses quorum.
     */
    static void ocf(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("failed|releasing|ocf|Dummy");
        Backend b = ctx.backend();
        String a = Steps.initial(ctx);
        ctx.check(b.await(() -> dummyOnlyOn(ctx, a), 10_000), "the Dummy agent must run on " + a + " only");
        ctx.step("the Dummy resource on " + a + " dies (its state file removed)",
                () -> Files.deleteIfExists(b.nodeDir(a).resolve(DUMMY_STATE)));
        boolean back = b.await(() -> {
            String n = b.snapshot().converged();
            return n != null && dummyOnlyOn(ctx, n);
        }, ctx.bound() + 60_000);
        ctx.check(back, "the failed OCF resource must be noticed (monitor) and run again on one node");
        String n = ctx.awaitConverged("after the OCF resource failed");
        Steps.isolate(ctx, n);
        String m = ctx.awaitConvergedOn("failover with an OCF resource", x -> !x.equals(n), "the majority",
                ctx.bound());
        ctx.check(b.await(() -> dummyOnlyOn(ctx, m), 10_000), "the OCF resource must be stopped on " + n
                + " and run on " + m);
        Steps.heal(ctx);
    }

    private static boolean dummyOnlyOn(ScenarioContext ctx, String node) {
        for (String n : ctx.nodes()) {
            if (Files.exists(ctx.backend().nodeDir(n).resolve(DUMMY_STATE)) != n.equals(node)) {
                return false;
            }
        }
        return true;
    }

    /**
     * 34: the bus of the active node and of a secondary is gone for longer than the failure window, then back: no
     * unit action, no failure counted, the active agent still reports ACTIVE, and a crash afterwards fails over to
     * that secondary (the third node disabled): management resumed.
     */
    static void busGone(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("bus|D-Bus|dbus|systemd|connect|reconnect");
        Backend b = ctx.backend();
        String a = Steps.initial(ctx);
        String s = ctx.other(a);
        ctx.hold(500);
        long act = Steps.actions(ctx, a);
        ctx.step("the bus of " + a + " and " + s + " goes away", () -> {
            b.busOutage(a, true);
            b.busOutage(s, true);
        });
        ctx.hold(15_000);
        ctx.step("the bus of " + a + " and " + s + " comes back", () -> {
            b.busOutage(a, false);
            b.busOutage(s, false);
        });
        ctx.hold(5000);
        Steps.noActions(ctx, a, act, "while the bus was gone and after it came back");
        Steps.awaitReport(ctx, a, r -> "ACTIVE".equals(r.state()), "ACTIVE (no failure counted for the outage)");
        // the harness reads the units over that bus too: wait until it sees them again (seconds on a busy machine)
        ctx.awaitConvergedOn("the bus came back", a::equals, a, ctx.bound());
        Steps.noActions(ctx, a, act, "after the bus came back");
        String t = ctx.other(a, s);
        ctx.step("reactorctl disable on " + t + "; crash " + a, () -> {
            ctx.note(b.operator(t, Operator.DISABLE, null));
            b.crashNode(a);
        });
        ctx.awaitConvergedOn("failover to " + s + " after its bus came back", s::equals, s, ctx.bound());
        ctx.step("reactorctl enable on " + t, () -> ctx.note(b.operator(t, Operator.ENABLE, null)));
    }

    /** How long past the convergence bound a hung promotion may take to end as a start failure: the agent's start timeout and a minute. */
    static final long HUNG_BOUND_MS = io.reactord.agent.promoter.PromoterSettings.DEFAULT_START_TIMEOUT.toMillis() + 60_000;

    /** The mark a hanging {@code drbdsetup primary} leaves in the model when it is called. */
    static final String HUNG_MARK = "primary-hangs";

    /** A warning about a promotion that could not run. */
    static final Pattern PROMOTION_WARNING = Pattern.compile("(?i)WARN.*(promot|primary|drbdsetup)");

    /**
     * 35: a Secondary whose {@code drbdsetup} cannot run (then one whose {@code primary} hangs) is the only candidate
     * after a crash of the active node: a start failure with a warning, never the demote-failure action (I9); once
     * repaired the cluster converges.
     */
    static void failedPromotion(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("fail|promot|primary|drbdsetup|giving up|releasing|disable|enable|escalat");
        Backend b = ctx.backend();
        String a = Steps.initial(ctx);
        String s = ctx.other(a);
        String t = ctx.other(a, s);
        int logged = b.agentLog(s).size();
        ctx.step("drbdsetup cannot run on " + s + "; " + t + " disabled", () -> {
            b.setFault(s, UnitFault.DRBDSETUP_CANNOT_RUN, true);
            ctx.note(b.operator(t, Operator.DISABLE, null));
        });
        ctx.step("crash " + a, () -> b.crashNode(a));
        ctx.hold(ctx.quiet() / 2);
        NodeState st = b.snapshot().nodes().get(s);
        ctx.check(!st.primary() && !st.runsAny(), s + " cannot promote: it must not run anything");
        if (b.capabilities().contains(Capability.DAEMON_REPORTS) || !b.agentLog(s).isEmpty()) {
            List<String> log = b.agentLog(s);
            ctx.check(log.subList(Math.min(logged, log.size()), log.size()).stream()
                    .anyMatch(l -> PROMOTION_WARNING.matcher(l).find()), "the agent on " + s + " must warn about the"
                    + " promotion that could not run");
        }
        ctx.step("repair drbdsetup on " + s + "; reactorctl enable on " + s + " and " + t + "; boot " + a, () -> {
            b.setFault(s, UnitFault.DRBDSETUP_CANNOT_RUN, false);
            ctx.note(b.operator(s, Operator.ENABLE, null));
            ctx.note(b.operator(t, Operator.ENABLE, null));
            b.bootNode(a);
        });
        String n = ctx.awaitConverged("after the repair");
        Steps.awaitReport(ctx, a, r -> true, "its status after the boot");
        // the hang is tried on a node other than s, whose FAILED state is scenario 30's subject
        String h = n.equals(s) ? ctx.other(n) : ctx.other(n, s);
        String u = ctx.other(n, h);
        ctx.check(b.await(() -> ctx.nodes().stream().allMatch(x -> "UpToDate".equals(b.snapshot().nodes().get(x)
                .disk())), ctx.bound()), "every disk must be UpToDate again before the next fault");
        ctx.step("drbdsetup primary hangs on " + h + "; " + u + " disabled", () -> {
            b.setFault(h, UnitFault.PRIMARY_HANGS, true);
            ctx.note(b.operator(u, Operator.DISABLE, null));
        });
        int marks = b.sim().roleCalls().marks(0).size();
        ctx.step("crash " + n, () -> b.crashNode(n));
        ctx.check(b.await(() -> b.sim().roleCalls().marks(marks).stream()
                .anyMatch(m -> m.node().equals(h) && m.text().equals(HUNG_MARK)), ctx.bound()),
                h + " must try to promote (its drbdsetup primary hangs)");
        boolean judged = b.await(() -> {
            NodeState x = b.snapshot().nodes().get(h);
            return !x.primary() && !NodeState.running(x.target());
        }, ctx.bound() + HUNG_BOUND_MS);
        ctx.hold(1000);
        NodeState x = b.snapshot().nodes().get(h);
        ctx.check(judged && !NodeState.running(x.target()), "a hung promotion on " + h + " must end as a start"
                + " failure (target " + x.target() + ")");
        ctx.step("repair drbdsetup on " + h + "; reactorctl enable on " + h + " and " + u + "; boot " + n, () -> {
            b.setFault(h, UnitFault.PRIMARY_HANGS, false);
            ctx.note(b.operator(h, Operator.ENABLE, null));
            ctx.note(b.operator(u, Operator.ENABLE, null));
            b.bootNode(n);
        });
        ctx.awaitConverged("after the hung promotion was repaired", ctx.bound() + 30_000);
    }
}
