package io.reactord.it.demo;

import io.reactord.it.Backend;
import io.reactord.it.NodeState;
import io.reactord.it.ClusterConfig;
import io.reactord.it.Operator;
import io.reactord.it.ScenarioContext;
import io.reactord.it.ScenarioFailure;
import io.reactord.it.Snapshot;
import io.reactord.it.Timeline;
import io.reactord.it.inprocess.InProcessBackend;
import io.reactord.it.real.RealSystemdBackend;
import io.reactord.sim.SimTiming;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/demo [--script] [--in-process]}: starts the simulator, three real systemd managers and three agents
 * (the LINSTOR controller layout: {@code linstor_db} with a mount-like unit and a controller service), prints the
 * cluster whenever it changes, and takes it through a crash of the active node, an isolation, a heal, an eviction
 * and a move, ending with a summary of failover times. Interactive runs wait for Enter between steps; {@code
 * --script} runs straight through and exits 0 only when every step behaved as expected. Without root (or without
 * systemd, unshare, cgroups) it says why and uses the in-process backend instead. Everything it started is removed
 * at the end, also on Ctrl-C (a JVM shutdown hook closes the backend).
 */
public final class Demo {
    /** What the demo checks after every sample, one line each (docs/fault-suite.md has the full text). */
    static final List<String> INVARIANTS = List.of(
            "I1 single writer: never two nodes Primary with quorum, and the services run only on the Primary",
            "I2 no lost write: every write the controller had acknowledged is on the new Primary after a failover",
            "I3 convergence: after each fault exactly one node runs the services, within a stated time",
            "I4 no split brain: the nodes' data never diverge",
            "I5 clean logs: no agent error or stack trace that the step did not expect, no agent exit",
            "I6 truthful status: each agent's own status names the node that really runs the services");

    private final PrintStream out = System.out;
    private final boolean script;
    private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    private final Map<String, Long> failovers = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private volatile String printed = "";
    private volatile boolean quiet;
    private volatile boolean interrupted;
    private volatile boolean finished;
    private volatile Backend backend;
    /** Nodes the tour crashed and has not booted again. */
    private final java.util.Set<String> crashed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Demo(boolean script) {
        this.script = script;
    }

    public static void main(String[] args) {
        boolean script = false;
        boolean inProcess = false;
        for (String a : args) {
            switch (a) {
                case "--script" -> script = true;
                case "--in-process" -> inProcess = true;
                case "-h", "--help" -> {
                    System.out.println("usage: bin/demo [--script] [--in-process]");
                    System.out.println("  --script      run the tour without pauses; exit 0 only if every step behaved");
                    System.out.println("  --in-process  agents in one JVM on virtual time, no systemd (no root needed)");
                    return;
                }
                default -> {
                    System.err.println("demo: unknown argument " + a + " (try --help)");
                    System.exit(2);
                }
            }
        }
        quietLogs();
        Demo demo = new Demo(script);
        int status = demo.run(inProcess);
        demo.finished = true;
        System.exit(status);
    }

    /** The demo prints its own tables; agent logs in this JVM (in-process backend) and D-Bus noise are kept down. */
    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext lc) {
            lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.ERROR);
            lc.getLogger("org.freedesktop").setLevel(ch.qos.logback.classic.Level.OFF);
            lc.getLogger("io.reactord.systemd").setLevel(ch.qos.logback.classic.Level.OFF);
            lc.getLogger("io.reactord.agent.promoter").setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }

    private int run(boolean forceInProcess) {
        Backend b;
        if (forceInProcess) {
            out.println("Using the in-process backend (agents in this JVM, virtual time, no systemd), as asked.");
            b = new InProcessBackend();
        } else {
            Optional<String> why = RealSystemdBackend.availability();
            if (why.isPresent()) {
                out.println("Real systemd managers cannot run here: " + why.get() + ".");
                out.println("Falling back to the in-process backend: the same agents' decision core in this JVM on"
                        + " virtual time, with a small in-memory service manager instead of systemd.");
                b = new InProcessBackend();
            } else {
                b = new RealSystemdBackend();
            }
        }
        Thread hook = new Thread(() -> {
            if (finished) {
                return;
            }
            interrupted = true;
            quiet = true;
            out.println("\nInterrupted: stopping the managers and agents, removing cgroups and files ...");
        }, "demo-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Backend backend = b) {
            return tour(backend);
        } catch (ScenarioFailure e) {
            if (interrupted) {
                return 130;
            }
            out.println("\nDEMO STEP FAILED: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            if (interrupted) {
                return 130;
            }
            out.println("\nDEMO FAILED: " + e);
            return 1;
        } finally {
            out.println("Cleaned up everything the demo started.");
        }
    }

    private int tour(Backend b) throws Exception {
        Timeline timeline = new Timeline();
        ScenarioContext ctx = new ScenarioContext(b, timeline, 1);
        backend = b;
        b.onSample(this::print);
        out.println("Starting a simulated 3-node DRBD cluster (alpha, bravo, charlie): resource linstor_db with "
                + ClusterConfig.MOUNT_UNIT + " and " + ClusterConfig.CONTROLLER_UNIT + "; backend " + b.name() + ".");
        if (b instanceof RealSystemdBackend) {
            out.println("Each node: a private systemd manager (own cgroup, mount namespace and bus), reactord's unit"
                    + " templates and shim, and reactord running as reactord.service.");
        }
        out.println("After every sample (50 per second) the demo checks reactord's invariants:");
        INVARIANTS.forEach(i -> out.println("  " + i));
        out.println("A table is printed whenever a node's role, disk, units, agent or promoter state changes.");
        b.start(ClusterConfig.standard(SimTiming.fast()));
        String a = step(ctx, "1. Initial election: every agent sees may_promote; exactly one node wins.",
                () -> { }, "initial start", null);
        String s1 = step(ctx, "2. Hard crash of the active node " + a + " (DRBD, systemd and agent die at once).",
                () -> {
                    crashed.add(a);
                    b.crashNode(a);
                }, "failover after crash of " + a, x -> !x.equals(a));
        failovers.put("crash of " + a, ctx.measures().get("failover after crash of " + a));
        step(ctx, "3. " + a + " boots again and rejoins as Secondary (no fail-back).",
                () -> {
                    crashed.remove(a);
                    b.bootNode(a);
                }, "rejoin of " + a, s1::equals);
        String s2 = step(ctx, "4. The active node " + s1 + " is isolated from the network (loses quorum).",
                () -> isolate(b, s1), "failover after isolation of " + s1, x -> !x.equals(s1));
        failovers.put("isolation of " + s1, ctx.measures().get("failover after isolation of " + s1));
        step(ctx, "5. The network heals; " + s1 + " returns as Secondary, " + s2 + " keeps running it.",
                () -> b.sim().heal(), "heal", s2::equals);
        String s3 = step(ctx, "6. reactorctl evict on " + s2 + ": the resource leaves that node.",
                () -> out.println("   " + withoutRunDir(b.operator(s2, Operator.EVICT, null))), "evict from " + s2,
                x -> !x.equals(s2));
        failovers.put("evict from " + s2, ctx.measures().get("evict from " + s2));
        String to = ctx.nodes().stream().filter(n -> !n.equals(s3)).findFirst().orElseThrow();
        step(ctx, "7. reactorctl move linstor_db --to " + to + " (run on " + s3 + ").",
                () -> out.println("   " + withoutRunDir(b.operator(s3, Operator.MOVE, to))), "move to " + to, to::equals);
        failovers.put("move to " + to, ctx.measures().get("move to " + to));
        ctx.invariants().checkLogs();
        problems.addAll(ctx.invariants().violations());
        synchronized (this) {
            quiet = true;
        }
        out.println("\nSummary");
        failovers.forEach((k, v) -> out.printf("  %-28s %6d ms%n", k, v));
        if (!problems.isEmpty()) {
            out.println("Invariant violations:");
            problems.forEach(p -> out.println("  - " + p));
            return 1;
        }
        out.println("All steps behaved as expected; invariants I1-I6 held (" + ctx.invariants().samples()
                + " samples):");
        INVARIANTS.forEach(i -> out.println("  " + i));
        return 0;
    }

    private interface Action {
        void run() throws Exception;
    }

    private String step(ScenarioContext ctx, String title, Action action, String label,
                        java.util.function.Predicate<String> expected) throws Exception {
        pause();
        out.println("\n== " + title);
        printed = "";
        ctx.step(title, action::run);
        String node = expected == null ? ctx.awaitConverged(label)
                : ctx.awaitConvergedOn(label, expected, "the expected node", ctx.bound());
        out.printf("   -> linstor_db runs on %s (%s: %d ms)%n", node, label, ctx.measures().get(label));
        return node;
    }

    private void pause() throws Exception {
        if (script) {
            return;
        }
        synchronized (this) {
            quiet = true;
        }
        out.print("\n[Enter] for the next step (Ctrl-C ends the demo and cleans up) ");
        out.flush();
        if (in.readLine() == null) {
            throw new ScenarioFailure("standard input ended while waiting for Enter: run bin/demo in a terminal, or"
                    + " bin/demo --script to run the tour without pauses");
        }
        quiet = false;
    }

    private void isolate(Backend b, String node) {
        List<java.util.Set<String>> groups = new ArrayList<>();
        groups.add(java.util.Set.of(node));
        java.util.Set<String> rest = new java.util.LinkedHashSet<>(b.config().nodes());
        rest.remove(node);
        groups.add(rest);
        b.sim().partition(groups);
    }

    private synchronized void print(Snapshot s) {
        if (quiet) {
            return;
        }
        Snapshot shown = withPromoters(s);
        String sig = shown.signature();
        if (!quiet && !sig.equals(printed)) {
            printed = sig;
            out.printf("   t=%.3f s%n%s", s.timeMs() / 1000.0, table(shown, crashed));
        }
    }

    /**
     * The promoter state of each running agent: the in-process backend reads it with the sample, the real one asks
     * each agent's control socket (a few milliseconds, so only here and not in the fault suite's sampler).
     */
    private Snapshot withPromoters(Snapshot s) {
        Backend b = backend;
        if (b == null) {
            return s;
        }
        Map<String, io.reactord.it.NodeState> nodes = new LinkedHashMap<>();
        for (io.reactord.it.NodeState n : s.nodes().values()) {
            String promoter = n.promoter();
            if (promoter == null && n.up() && n.agent()) {
                try {
                    io.reactord.it.AgentReport r = b.report(n.node());
                    promoter = r == null ? null : r.state();
                } catch (RuntimeException e) {
                    promoter = null;
                }
                if (promoter == null) {
                    promoter = "(starting)"; // the agent runs but its control socket does not answer yet
                }
            }
            nodes.put(n.node(), new io.reactord.it.NodeState(n.node(), n.up(), n.agent(), n.role(), n.quorum(), n.disk(),
                    n.target(), n.services(), promoter, n.primaryAround()));
        }
        return new Snapshot(s.timeMs(), nodes);
    }

    /**
     * The sample as a table, with a note under any row that could read as a second active node: a crashed node
     * (its manager and agent are gone; what the sample caught is its last known state) and a Primary without
     * quorum (DRBD fails its writes, so it is not a second writer).
     */
    static String table(Snapshot s, java.util.Set<String> crashed) {
        StringBuilder t = new StringBuilder(s.table());
        for (io.reactord.it.NodeState n : s.nodes().values()) {
            if (crashed.contains(n.node())) {
                t.append("  ").append(n.node()).append(": crashed").append(n.up() ? " (last known state above, caught"
                        + " while it went down)" : "").append('\n');
            } else if (n.primary() && !n.quorum() && (n.runsAny() || NodeState.running(n.target()))) {
                t.append("  ").append(n.node()).append(": Primary without quorum: DRBD fails its writes, so it is not"
                        + " a second writer; reactord stops its services\n");
            }
        }
        return t.toString();
    }

    /** reactorctl's answer without the demo's private run directory (e.g. the peer command's path). */
    static String withoutRunDir(String text) {
        return text.replaceAll("/\\S*?reactord-it-[^/\\s]*/(?:[^/\\s]+/)*", "");
    }
}
