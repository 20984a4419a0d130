package io.reactord.it.inprocess;

import io.reactord.agent.core.AgentCore;
import io.reactord.agent.core.CommandListener;
import io.reactord.agent.core.JournalSink;
import io.reactord.agent.core.UnitController;
import io.reactord.agent.promoter.Input;
import io.reactord.agent.promoter.PeerView;
import io.reactord.agent.promoter.Promoter;
import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.agent.promoter.PromoterState;
import io.reactord.events2.Role;
import io.reactord.agent.time.VirtualScheduler;
import io.reactord.it.Backend;
import io.reactord.it.Capability;
import io.reactord.it.ClusterConfig;
import io.reactord.it.NodeState;
import io.reactord.it.Operator;
import io.reactord.it.Snapshot;
import io.reactord.it.UnitFault;
import io.reactord.sim.Events2Listener;
import io.reactord.sim.Events2Subscription;
import io.reactord.sim.SimCluster;
import io.reactord.sim.SimNodeSpec;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.MDC;

/**
 * Every node's {@link AgentCore} in this JVM, on one virtual clock shared with the {@link SimCluster}, each with a
 * {@link MemorySystemd}. Single-threaded: the caller's thread drives time in {@link #sleep} and {@link #await},
 * running the simulator's timers, the agents' timers, their loop messages and the writers in time order, and
 * takes an invariant sample after every message. What the agent daemon adds around the core (the events2 child's
 * restart with a 1 s backoff, reload) is played by this class the way the daemon does it.
 */
public final class InProcessBackend implements Backend {

    /** A writer appends one number this often while its controller runs. */
    static final long WRITE_EVERY_MS = 100;
    /** The daemon restarts a lost events2 stream after this backoff. */
    static final long EVENTS2_RESTART_MS = 1000;

    private record Task(String node, long generation, Runnable run) {
    }

    private final class Node {
        final String name;
        final EnumSet<UnitFault> faults = EnumSet.noneOf(UnitFault.class);
        MemorySystemd units;
        /** The managers of the extra resources' units, by resource (the same manager process on a real node). */
        final Map<String, MemorySystemd> extra = new LinkedHashMap<>();
        AgentCore core;
        Events2Subscription sub;
        long generation;
        long managerGeneration;

        Node(String name) {
            this.name = name;
        }
    }

    private final VirtualScheduler clock = new VirtualScheduler();
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final List<Long> acked = new ArrayList<>();
    private final LogCapture logs = new LogCapture();
    private ClusterConfig config;
    private SimCluster sim;
    private long seq;
    private boolean closed;

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.OPERATOR, Capability.STATUS, Capability.EVENTS2_FAULTS, Capability.RELOAD);
    }

    @Override
    public String missing(Capability c) {
        return switch (c) {
            case MANAGER_RESTART -> "the in-process backend has no service manager or D-Bus connection to restart or"
                    + " take away; the real-systemd backend runs this scenario";
            case PROCESS_RUNNERS -> "the in-process backend runs no processes (no shell runner, no OCF agent, no"
                    + " per-node files); the real-systemd backend runs this scenario";
            default -> "supported";
        };
    }

    @Override
    public void start(ClusterConfig cfg) {
        this.config = cfg;
        List<SimNodeSpec> specs = new ArrayList<>();
        for (int i = 0; i < cfg.nodes().size(); i++) {
            specs.add(new SimNodeSpec(cfg.nodes().get(i), i, "10.0.0." + (i + 1)));
        }
        sim = new SimCluster(specs, cfg.simResources(), cfg.timing());
        logs.install();
        for (String n : cfg.nodes()) {
            Node node = new Node(n);
            nodes.put(n, node);
            newManager(node);
            if (cfg.startAgents()) {
                startAgentOn(node);
            }
        }
        clock.schedule(Duration.ofMillis(WRITE_EVERY_MS), this::writeTick);
        sleep(0);
    }

    @Override
    public ClusterConfig config() {
        return config;
    }

    @Override
    public SimCluster sim() {
        return sim;
    }

    // ------------------------------------------------------------------ time

    @Override
    public long nowMs() {
        return clock.millis();
    }

    @Override
    public void sleep(long ms) {
        advanceTo(clock.millis() + Math.max(0, ms));
    }

    @Override
    public boolean await(BooleanSupplier condition, long timeoutMs) {
        long end = clock.millis() + timeoutMs;
        drain();
        while (!condition.getAsBoolean()) {
            long next = nextEvent();
            if (next < 0 || next > end) {
                advanceTo(end);
                return condition.getAsBoolean();
            }
            advanceTo(next);
        }
        return true;
    }

    private long nextEvent() {
        long a = sim.nextTimerAt();
        long b = clock.nextDue();
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private void advanceTo(long t) {
        drain();
        long next;
        while ((next = nextEvent()) >= 0 && next <= t) {
            sim.advanceTo(next);
            clock.advanceTo(next);
            drain();
        }
        sim.advanceTo(t);
        clock.advanceTo(t);
        drain();
    }

    private void drain() {
        Task t;
        int guard = 0;
        while ((t = queue.poll()) != null) {
            Node n = t.node == null ? null : nodes.get(t.node);
            if (n != null && n.generation != t.generation) {
                continue;
            }
            MDC.put(LogCapture.NODE_KEY, t.node == null ? "-" : t.node);
            MDC.put(LogCapture.OWNER_KEY, logs.owner());
            try {
                t.run.run();
            } catch (RuntimeException e) {
                logs.problem(t.node == null ? "-" : t.node, "exception in the agent loop: " + e);
            } finally {
                MDC.remove(LogCapture.NODE_KEY);
                MDC.remove(LogCapture.OWNER_KEY);
            }
            sampleNow();
            if (++guard > 5_000_000) {
                throw new IllegalStateException("the in-process cluster does not settle");
            }
        }
    }

    /** Runs on the virtual clock in this node's agent generation (dropped when the agent dies). */
    private void post(Node n, Runnable r) {
        queue.add(new Task(n.name, n.generation, r));
    }

    private void sampleNow() {
        if (listeners.isEmpty()) {
            return;
        }
        Snapshot s = snapshot();
        for (Consumer<Snapshot> l : listeners) {
            l.accept(s);
        }
    }

    private void writeTick() {
        for (Node n : nodes.values()) {
            if (n.units != null && n.units.writing() && sim.isUp(n.name)) {
                long s = ++seq;
                if (sim.write(n.name, config.resource(), s).success()) {
                    acked.add(s);
                }
            }
        }
        clock.schedule(Duration.ofMillis(WRITE_EVERY_MS), this::writeTick);
    }

    // ------------------------------------------------------------------ nodes and agents

    private void newManager(Node n) {
        long mg = ++n.managerGeneration;
        n.units = newManager(n, mg, config.resource(), ClusterConfig.START_UNITS);
        n.extra.clear();
        Map<String, PromoterSettings> settings = settings(n.name, config);
        for (String r : config.extraResources().keySet()) {
            n.extra.put(r, newManager(n, mg, r, settings.get(r).units()));
        }
    }

    private MemorySystemd newManager(Node n, long mg, String res, List<String> services) {
        boolean force = !"false".equals(config.promoterOptions().getOrDefault("secondary-force", "true"));
        MemorySystemd m = new MemorySystemd(n.name, res, services, sim,
                (delay, r) -> clock.schedule(Duration.ofMillis(delay), () -> queue.add(new Task(null, 0, () -> {
                    if (n.managerGeneration == mg) {
                        r.run();
                    }
                }))), force, n.faults);
        m.failureAction(config.promoterOptions().getOrDefault("on-drbd-demote-failure", "none").replace("\"", ""),
                () -> dropAgent(n));
        m.listener((unit, state) -> {
            AgentCore core = n.core;
            if (core != null) {
                post(n, () -> core.unitStateChanged(unit, state));
            }
        });
        return m;
    }

    /** Every manager of the node: the main resource's first. */
    private static List<MemorySystemd> managers(Node n) {
        List<MemorySystemd> all = new ArrayList<>();
        all.add(n.units);
        all.addAll(n.extra.values());
        return all;
    }

    private void startAgentOn(Node n) {
        if (n.core != null) {
            throw new IllegalStateException(n.name + ": agent already runs");
        }
        long gen = ++n.generation;
        // every call goes to the MemorySystemd of its resource (the main one, or an extra resource's)
        Map<String, MemorySystemd> extra = Map.copyOf(n.extra);
        UnitController units = new io.reactord.agent.daemon.RoutingUnits(r -> extra.getOrDefault(r, n.units));
        java.util.concurrent.Executor loop = r -> queue.add(new Task(n.name, gen, r));
        AgentCore core = new AgentCore(clock, loop, units, JournalSink.NONE, CommandListener.NONE);
        n.core = core;
        core.setResources(settings(n.name, config));
        subscribe(n, gen);
    }

    private void subscribe(Node n, long gen) {
        AgentCore core = n.core;
        n.sub = sim.subscribe(n.name, null, new Events2Listener() {
            @Override
            public void lines(List<String> lines) {
                List<String> copy = List.copyOf(lines);
                queue.add(new Task(n.name, gen, () -> copy.forEach(core::onLine)));
            }

            @Override
            public void ended(String reason) {
                // the node went down with its agent
            }
        });
    }

    private void dropAgent(Node n) {
        n.generation++;
        n.core = null;
        if (n.sub != null) {
            n.sub.close();
            n.sub = null;
        }
    }

    private Map<String, PromoterSettings> settings(String node, ClusterConfig cfg) {
        return Settings.load(cfg, node);
    }

    private Node node(String name) {
        Node n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("unknown node " + name);
        }
        return n;
    }

    @Override
    public void crashNode(String node) {
        Node n = node(node);
        dropAgent(n);
        managers(n).forEach(MemorySystemd::kill);
        n.managerGeneration++;
        sim.crash(node);
        sleep(0);
    }

    @Override
    public void bootNode(String node) {
        Node n = node(node);
        sim.restart(node);
        newManager(n);
        startAgentOn(n);
        sleep(0);
    }

    @Override
    public void shutdownNode(String node) {
        Node n = node(node);
        dropAgent(n);
        for (MemorySystemd m : managers(n)) {
            java.util.concurrent.CompletableFuture<?> stopped = m.stop(m.resource(), m.target());
            await(stopped::isDone, 60_000);
        }
        managers(n).forEach(MemorySystemd::kill);
        n.managerGeneration++;
        var r = sim.shutdown(node);
        if (!r.success()) {
            throw new IllegalStateException(node + ": drbdadm down failed: " + r.stderr().strip());
        }
        sleep(0);
    }

    @Override
    public void killAgent(String node) {
        dropAgent(node(node));
        sleep(0);
    }

    @Override
    public void startAgent(String node) {
        startAgentOn(node(node));
        sleep(0);
    }

    @Override
    public void stopAgent(String node) {
        Node n = node(node);
        if (n.core != null) {
            n.core.shutdown("SIGTERM");
            sleep(0);
        }
        dropAgent(n);
    }

    @Override
    public void reloadAgent(String node, ClusterConfig cfg) {
        Node n = node(node);
        AgentCore core = n.core;
        if (core != null) {
            post(n, () -> core.setResources(settings(node, cfg)));
            sleep(0);
        }
    }

    @Override
    public void setFault(String node, UnitFault fault, boolean on) {
        Node n = node(node);
        if (on) {
            n.faults.add(fault);
        } else {
            n.faults.remove(fault);
        }
        if (on && fault == UnitFault.CONTROLLER_CRASHES && n.units.state(ClusterConfig.CONTROLLER_UNIT).isUp()) {
            n.units.crashController();
        }
        sleep(0);
    }

    @Override
    public void breakEvents2(String node, boolean garbage) {
        Node n = node(node);
        AgentCore core = n.core;
        if (core == null) {
            return;
        }
        long gen = n.generation;
        if (garbage) {
            post(n, () -> {
                core.onLine("change resource name:" + config.resource() + " role:Prim\u0000\u00ff\u0001ary");
                core.onLine("\u0001\u0002\u0003 binary garbage \u00fe");
            });
        }
        post(n, () -> {
            if (n.sub != null) {
                n.sub.close();
                n.sub = null;
            }
            core.streamRestarting(garbage ? "events2 emitted garbage" : "drbdsetup events2 was killed");
        });
        clock.schedule(Duration.ofMillis(EVENTS2_RESTART_MS), () -> {
            if (n.generation == gen && n.core == core && sim.isUp(node)) {
                subscribe(n, gen);
            }
        });
        sleep(0);
    }

    @Override
    public void restartManager(String node) {
        throw new UnsupportedOperationException(missing(Capability.MANAGER_RESTART));
    }

    @Override
    public void halfStop(String node) {
        node(node).units.halfStop();
        sleep(0);
    }

    @Override
    public void busOutage(String node, boolean gone) {
        throw new UnsupportedOperationException(missing(Capability.MANAGER_RESTART));
    }

    @Override
    public List<String> agentLog(String node) {
        return logs.lines(node);
    }

    @Override
    public String operator(String node, Operator op, String arg) {
        Input in = switch (op) {
            case EVICT -> new Input.Evict(false, Promoter.DEFAULT_EVICT_DURATION);
            case EVICT_KEEP_MASKED -> new Input.Evict(true, null);
            case MOVE -> new Input.Move(arg, Duration.ofMinutes(5));
            case DISABLE_NOW -> new Input.Disable(true);
            case DISABLE -> new Input.Disable(false);
            case ENABLE -> new Input.Enable();
            case STOP_TARGET -> null;
        };
        if (in == null) {
            MemorySystemd m = node(node).units;
            m.stop(config.resource(), m.target());
            sleep(0);
            return "stop of the target requested";
        }
        List<Node> to = op == Operator.MOVE ? List.copyOf(nodes.values()) : List.of(node(node));
        for (Node n : to) {
            AgentCore core = n.core;
            if (core != null) {
                post(n, () -> core.deliver(config.resource(), in));
            }
        }
        sleep(0);
        return op + " delivered";
    }

    // ------------------------------------------------------------------ observation

    @Override
    public void onSample(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    @Override
    public Snapshot snapshot() {
        Map<String, NodeState> out = new LinkedHashMap<>();
        String res = config.resource();
        for (Node n : nodes.values()) {
            boolean up = sim.isUp(n.name);
            Map<String, String> units = new LinkedHashMap<>();
            for (String u : ClusterConfig.START_UNITS) {
                units.put(u, word(n.units.state(u)));
            }
            String role = up ? sim.role(n.name, res).word() : "-";
            Promoter p = n.core == null ? null : n.core.promoters().get(res);
            out.put(n.name, new NodeState(n.name, up, n.core != null, role, up && sim.quorum(n.name, res, 0),
                    up ? sim.disk(n.name, res, 0).word() : "-", word(n.units.state(n.units.target())), units,
                    p == null ? null : p.state().name(), "Primary".equals(role)));
        }
        return new Snapshot(clock.millis(), out);
    }

    private static String word(io.reactord.agent.promoter.UnitActiveState s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<Long> acknowledged() {
        return List.copyOf(acked);
    }

    @Override
    public String unitState(String node, String unit) {
        for (MemorySystemd m : managers(node(node))) {
            if (m.knows(unit)) {
                return word(m.state(unit));
            }
        }
        return "-";
    }

    @Override
    public long starts(String node, String unit) {
        return node(node).units.starts(unit);
    }

    @Override
    public long stops(String node, String unit) {
        return node(node).units.stops(unit);
    }

    /** What the node's manager ran after a failed forced demotion (scenario 13); no daemon reports here. */
    @Override
    public List<String> escalations(String node) {
        return List.copyOf(node(node).units.escalations());
    }

    /**
     * The agents' only time source is the virtual monotonic clock ({@code AgentCore} has no wall clock to read), so
     * a wall-clock jump is recorded in the timeline's terms only: nothing in-process can observe it. The real-systemd
     * backend moves the agent process's wall clock.
     */
    @Override
    public void jumpWallClock(String node, long offsetMs) {
        node(node);
    }

    @Override
    public io.reactord.it.AgentReport report(String node) {
        Node n = node(node);
        Promoter p = n.core == null ? null : n.core.promoters().get(config.resource());
        if (p == null) {
            return null;
        }
        Promoter.Status st = p.status(clock.millis());
        Map<String, String> peers = new LinkedHashMap<>();
        String role = "unknown";
        if (st.view() != null) {
            role = st.view().role().name().toLowerCase(java.util.Locale.ROOT);
            for (PeerView peer : st.view().peers()) {
                peers.put(peer.name(), peer.connection().name());
            }
        }
        return new io.reactord.it.AgentReport(st.state().name(), role, peers);
    }

    @Override
    public List<String> logProblems(String node) {
        return logs.problems(node);
    }

    @Override
    public List<String> unexpectedExits() {
        return List.of();
    }

    @Override
    public String reportedActiveNode(String node) {
        Node n = node(node);
        if (n.core == null) {
            return null;
        }
        Promoter p = n.core.promoters().get(config.resource());
        if (p == null) {
            return null;
        }
        Promoter.Status st = p.status(clock.millis());
        if (st.state() == PromoterState.ACTIVE) {
            return node;
        }
        if (st.view() != null) {
            for (PeerView peer : st.view().peers()) {
                if (peer.role() == Role.PRIMARY) {
                    return peer.name();
                }
            }
        }
        return "-";
    }

    /** The promoter state of {@code node}'s agent, or null when it does not run. */
    public PromoterState promoterState(String node) {
        Node n = node(node);
        Promoter p = n.core == null ? null : n.core.promoters().get(config.resource());
        return p == null ? null : p.state();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Node n : nodes.values()) {
            dropAgent(n);
        }
        queue.clear();
        logs.uninstall();
    }
}
