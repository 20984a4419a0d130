package io.reactord.it.real;

import io.reactord.it.Backend;
import io.reactord.it.Capability;
import io.reactord.it.ClusterConfig;
import io.reactord.it.NodeState;
import io.reactord.it.Operator;
import io.reactord.it.Snapshot;
import io.reactord.it.UnitFault;
import io.reactord.sim.SimCluster;
import io.reactord.sim.SimNodeSpec;
import io.reactord.sim.SimServer;
import io.reactord.systemd.harness.PrivateSystemd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The backend CI runs: the simulator served live on loopback, and per node a {@link RealNode} — a private real
 * systemd manager with the real templates and shim, the test units, and a real agent process. A sampler thread
 * observes every node at 50 Hz (roles from the model, unit states over each manager's bus) and hands the samples
 * to the invariant checker. Everything runs below one run directory that is removed on {@link #close()} (kept when
 * {@code REACTORD_IT_KEEP=1}), and a JVM shutdown hook closes a backend left open.
 */
public final class RealSystemdBackend implements Backend {

    /** Sampling period of the invariant checker. */
    static final long SAMPLE_MS = 20;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Map<String, RealNode> nodes = new LinkedHashMap<>();
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Agents agents = Agents.detect();
    private ClusterConfig config;
    private SimCluster sim;
    private SimServer server;
    private Path runDir;
    private Thread sampler;
    private Thread hook;
    private volatile boolean closed;

    /** Why this backend cannot run here, or empty. */
    public static Optional<String> availability() {
        Optional<String> sd = PrivateSystemd.availability();
        if (sd.isPresent()) {
            return sd;
        }
        return Agents.detect().problem();
    }

    @Override
    public String name() {
        return "real-systemd";
    }

    /** Agent processes start in a few seconds; a loaded 2-core CI machine needs more. */
    @Override
    public long slackMs() {
        return 45_000;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.EVENTS2_FAULTS, Capability.MANAGER_RESTART, Capability.RELOAD,
                Capability.OPERATOR, Capability.STATUS, Capability.DAEMON_REPORTS, Capability.PROCESS_RUNNERS);
    }

    @Override
    public String missing(Capability c) {
        return "supported";
    }

    @Override
    public void start(ClusterConfig cfg) throws Exception {
        Optional<String> why = availability();
        if (why.isPresent()) {
            throw new IllegalStateException("the real-systemd backend cannot run here: " + why.get());
        }
        this.config = cfg;
        runDir = Files.createTempDirectory(Path.of("/tmp"), "reactord-it-" + ProcessHandle.current().pid() + "-"
                + RUNS.incrementAndGet() + "-");
        hook = new Thread(this::close, "reactord-it-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        List<SimNodeSpec> specs = new ArrayList<>();
        for (int i = 0; i < cfg.nodes().size(); i++) {
            specs.add(new SimNodeSpec(cfg.nodes().get(i), i, "10.0.0." + (i + 1)));
        }
        sim = new SimCluster(specs, cfg.simResources(), cfg.timing());
        server = new SimServer(sim);
        server.start();
        server.installTools(runDir);
        List<Thread> boots = new ArrayList<>();
        List<Exception> errors = new CopyOnWriteArrayList<>();
        for (String n : cfg.nodes()) {
            RealNode node = new RealNode(new NodeFiles(runDir, n), cfg, agents);
            nodes.put(n, node);
            node.prepare();
            Thread t = new Thread(() -> {
                try {
                    node.bootManager();
                    if (cfg.startAgents()) {
                        node.startAgent();
                    }
                } catch (Exception e) {
                    errors.add(e);
                }
            }, "boot-" + n);
            boots.add(t);
            t.start();
        }
        for (Thread t : boots) {
            t.join();
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        sampler = new Thread(this::sampleLoop, "reactord-it-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    @Override
    public ClusterConfig config() {
        return config;
    }

    @Override
    public SimCluster sim() {
        return sim;
    }

    /** The run directory (node files, agent logs). */
    public Path runDir() {
        return runDir;
    }

    // ------------------------------------------------------------------ time

    @Override
    public long nowMs() {
        return sim.now();
    }

    @Override
    public void sleep(long ms) {
        try {
            Thread.sleep(Math.max(1, ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    @Override
    public boolean await(BooleanSupplier condition, long timeoutMs) {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean()) {
            requireOpen();
            if (System.nanoTime() > end) {
                return false;
            }
            sleep(10);
        }
        return true;
    }

    private void sampleLoop() {
        while (!closed) {
            long t0 = System.nanoTime();
            try {
                Snapshot s = snapshot();
                for (Consumer<Snapshot> l : listeners) {
                    l.accept(s);
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    System.err.println("reactord-it sampler: " + e);
                }
            }
            long spent = (System.nanoTime() - t0) / 1_000_000;
            if (spent < SAMPLE_MS) {
                sleep(SAMPLE_MS - spent);
            }
        }
    }

    /** Operations on a closed backend (e.g. after Ctrl-C started the cleanup) fail at once. */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the cluster was shut down");
        }
    }

    // ------------------------------------------------------------------ faults

    private RealNode node(String name) {
        RealNode n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("unknown node " + name);
        }
        return n;
    }

    @Override
    public void crashNode(String node) {
        requireOpen();
        RealNode n = node(node);
        sim.crash(node);
        n.crash();
    }

    @Override
    public void bootNode(String node) throws Exception {
        requireOpen();
        RealNode n = node(node);
        sim.restart(node);
        n.bootManager();
        n.startAgent();
    }

    @Override
    public void shutdownNode(String node) throws Exception {
        requireOpen();
        RealNode n = node(node);
        n.shutdown();
        var r = sim.shutdown(node);
        if (!r.success()) {
            throw new IllegalStateException(node + ": drbdadm down failed: " + r.stderr().strip());
        }
    }

    @Override
    public void killAgent(String node) {
        requireOpen();
        node(node).killAgent();
    }

    @Override
    public void startAgent(String node) throws Exception {
        requireOpen();
        node(node).startAgent();
    }

    @Override
    public void stopAgent(String node) {
        requireOpen();
        node(node).stopAgent();
    }

    @Override
    public void reloadAgent(String node, ClusterConfig cfg) throws Exception {
        requireOpen();
        node(node).reload(cfg);
    }

    @Override
    public void setFault(String node, UnitFault fault, boolean on) throws Exception {
        requireOpen();
        node(node).fault(fault, on);
    }

    @Override
    public void breakEvents2(String node, boolean garbage) throws Exception {
        requireOpen();
        node(node).breakEvents2(garbage);
    }

    @Override
    public void restartManager(String node) {
        requireOpen();
        node(node).restartBus();
    }

    @Override
    public void halfStop(String node) {
        requireOpen();
        node(node).halfStop();
    }

    @Override
    public void busOutage(String node, boolean gone) {
        requireOpen();
        node(node).busOutage(gone);
    }

    @Override
    public Path nodeDir(String node) {
        return node(node).files().dir;
    }

    @Override
    public List<String> agentLog(String node) {
        return node(node).logLines();
    }

    @Override
    public String operator(String node, Operator op, String arg) {
        requireOpen();
        return node(node).operator(op, arg);
    }

    // ------------------------------------------------------------------ observation

    @Override
    public void onSample(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    @Override
    public String targetState(String node) {
        return node(node).targetState();
    }

    @Override
    public Snapshot snapshot() {
        String res = config.resource();
        Map<String, String[]> before = roles(res);
        Map<String, Map<String, String>> units = new LinkedHashMap<>();
        for (RealNode n : nodes.values()) {
            units.put(n.name(), n.unitStates());
        }
        Map<String, String[]> after = roles(res);
        Map<String, NodeState> out = new LinkedHashMap<>();
        for (RealNode n : nodes.values()) {
            String[] b = before.get(n.name());
            String[] a = after.get(n.name());
            boolean up = b != null && !DOWN.equals(b[0]);
            Map<String, String> u = units.get(n.name());
            String target = u.remove("target");
            boolean around = up && primaryAround(b, a);
            out.put(n.name(), new NodeState(n.name(), up, n.agentAlive(), up ? b[0] : "-", up && "yes".equals(b[1]),
                    up ? b[2] : "-", target == null ? "-" : target, u, null, around));
        }
        return new Snapshot(sim.now(), out);
    }

    /**
     * Whether a node was Primary at some instant between two role readings ({role, quorum, disk, promotions}; role
     * {@link #DOWN} for a node that is down, whose promotion count is still read): Primary in either, or promoted in
     * between. The units are read between the two, one manager after the other, so a node that was promoted, started
     * a unit and was demoted again (or crashed) within that time runs the unit legitimately although neither
     * reading says Primary.
     */
    static boolean primaryAround(String[] before, String[] after) {
        return "Primary".equals(before[0]) || after != null && ("Primary".equals(after[0]) || !before[3].equals(after[3]));
    }

    /** The role of a node that is down in {@link #roles}. */
    static final String DOWN = "down";

    /** Role, quorum, disk and promotion count of every node (role {@link #DOWN} when down), read atomically. */
    private Map<String, String[]> roles(String res) {
        Map<String, String[]> out = new LinkedHashMap<>();
        synchronized (sim) {
            for (String n : config.nodes()) {
                String promotions = String.valueOf(sim.promotions(n, res));
                out.put(n, sim.isUp(n) ? new String[] {sim.role(n, res).word(), sim.quorum(n, res, 0) ? "yes" : "no",
                        sim.disk(n, res, 0).word(), promotions} : new String[] {DOWN, "no", "-", promotions});
            }
        }
        return out;
    }

    @Override
    public List<Long> acknowledged() {
        List<Long> out = new ArrayList<>();
        for (RealNode n : nodes.values()) {
            out.addAll(n.files().acked());
        }
        return out;
    }

    @Override
    public long starts(String node, String unit) {
        return node(node).files().count("start", unit);
    }

    @Override
    public long stops(String node, String unit) {
        return node(node).files().count("stop", unit);
    }

    @Override
    public List<String> logProblems(String node) {
        return node(node).logProblems();
    }

    @Override
    public List<String> unexpectedExits() {
        List<String> out = new ArrayList<>();
        for (RealNode n : nodes.values()) {
            n.unexpectedExit().ifPresent(w -> out.add(n.name() + ": " + w));
        }
        return out;
    }

    @Override
    public String reportedActiveNode(String node) {
        return node(node).reportedActiveNode();
    }

    @Override
    public void jumpWallClock(String node, long offsetMs) throws IOException {
        requireOpen();
        node(node).jumpWallClock(offsetMs);
    }

    @Override
    public io.reactord.it.AgentReport report(String node) {
        return node(node).report();
    }

    @Override
    public List<String> escalations(String node) {
        return node(node).escalations();
    }

    @Override
    public String doctor(String node) {
        requireOpen();
        return node(node).doctor();
    }

    @Override
    public String metrics(String node) {
        return node(node).metrics();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (sampler != null) {
            sampler.interrupt();
        }
        List<Thread> closers = new ArrayList<>();
        for (RealNode n : nodes.values()) {
            Thread t = new Thread(() -> {
                try {
                    n.close();
                } catch (RuntimeException e) {
                    System.err.println("reactord-it: cleaning up " + n.name() + ": " + e);
                }
            }, "close-" + n.name());
            closers.add(t);
            t.start();
        }
        for (Thread t : closers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (server != null) {
            server.close();
        }
        if (runDir != null && !"1".equals(System.getenv("REACTORD_IT_KEEP"))) {
            deleteTree(runDir);
        }
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // running from the hook
            }
        }
    }

    /** Removes {@code root} and everything below it; retries while processes that just died leave files behind. */
    static void deleteTree(Path root) {
        for (int attempt = 0; attempt < 20 && Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS); attempt++) {
            try (var s = Files.walk(root)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // retried below
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                // a file vanished during the walk: retry
            }
            if (Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
