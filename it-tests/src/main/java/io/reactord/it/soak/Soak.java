package io.reactord.it.soak;

import io.reactord.it.Backend;
import io.reactord.it.ClusterConfig;
import io.reactord.it.Operator;
import io.reactord.it.Scenario;
import io.reactord.it.ScenarioContext;
import io.reactord.it.UnitFault;
import io.reactord.sim.DiskState;
import io.reactord.sim.SimTiming;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Scenario 27, the seeded random soak: {@code steps} faults drawn from crashes and boots, isolations, splits,
 * one-way cuts, bridges, flaps, disk detaches, agent kills, events2 stream loss and controller crashes, and between
 * them operator actions (disable, enable, evict, move, reload) and agent restarts, with a random pause after each. Every {@link #HEAL_EVERY} steps, and at the end, everything is repaired and the cluster
 * must converge within the bound (I3); the invariants are checked after every step and on every sample.
 */
public final class Soak implements Scenario {

    /** Repair everything and require convergence this often. */
    public static final int HEAL_EVERY = 25;

    private final int steps;
    private final Set<Kind> kinds;

    /** A soak drawing from every kind of fault. */
    public Soak(int steps) {
        this(steps, EnumSet.allOf(Kind.class));
    }

    /** A soak drawing only from {@code kinds}. */
    public Soak(int steps, Set<Kind> kinds) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1");
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no fault kinds");
        }
        this.steps = steps;
        this.kinds = EnumSet.copyOf(kinds);
    }

    /** Every kind except those named, e.g. {@code without(Kind.DETACH)}. */
    public static Set<Kind> without(Kind... excluded) {
        Set<Kind> k = EnumSet.allOf(Kind.class);
        k.removeAll(List.of(excluded));
        return k;
    }

    @Override
    public int number() {
        return 27;
    }

    @Override
    public String title() {
        return "seeded random soak, " + steps + " steps"
                + (kinds.size() == Kind.values().length ? "" : ", faults " + kinds);
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        ctx.invariants().expectLog("failures within|failed to start|releasing|giving up|events2|failed");
        Backend b = ctx.backend();
        Random r = ctx.random();
        SimTiming t = b.config().timing();
        long pauseMax = Math.max(500, 2 * (t.detectPartitionMs() + t.connectMs()));
        State s = new State(ctx.nodes());
        ctx.awaitConverged("initial start");
        for (int i = 1; i <= steps; i++) {
            step(ctx, s, r, i, kinds);
            ctx.hold(50 + r.nextInt((int) pauseMax));
            if (i % HEAL_EVERY == 0 || i == steps) {
                repair(ctx, s);
                ctx.awaitConverged("convergence after step " + i);
            }
        }
    }

    /** What the soak has broken and must repair. */
    private static final class State {
        final List<String> nodes;
        final Set<String> down = new LinkedHashSet<>();
        final Set<String> agentDown = new LinkedHashSet<>();
        final Set<String> detached = new LinkedHashSet<>();
        final Set<String> disabled = new LinkedHashSet<>();
        boolean cut;

        State(List<String> nodes) {
            this.nodes = nodes;
        }

        List<String> up() {
            List<String> u = new ArrayList<>(nodes);
            u.removeAll(down);
            return u;
        }

        /** Up nodes whose agent runs (operator requests reach them). */
        List<String> managed() {
            List<String> u = up();
            u.removeAll(agentDown);
            return u;
        }
    }

    /** The faults a soak step can be. */
    public enum Kind { CRASH, BOOT, ISOLATE, SPLIT_ALL, ONE_WAY, BRIDGE, HEAL, FLAP, DETACH, KILL_AGENT, START_AGENT,
        EVENTS2, CONTROLLER_CRASH,
        /** Operator actions: {@code disable} (without {@code --now}), {@code enable}, {@code evict}, {@code move}. */
        DISABLE, ENABLE, EVICT, MOVE,
        /** A reload of one agent with the unchanged configuration. */
        RELOAD,
        /** An orderly agent restart (SIGTERM, start). */
        RESTART_AGENT }

    private static void step(ScenarioContext ctx, State s, Random r, int i, Set<Kind> allowed) throws Exception {
        Backend b = ctx.backend();
        String res = b.config().resource();
        Kind[] kinds = allowed.toArray(new Kind[0]);
        for (int attempt = 0; attempt < 20; attempt++) {
            Kind k = kinds[r.nextInt(kinds.length)];
            List<String> up = s.up();
            String any = s.nodes.get(r.nextInt(s.nodes.size()));
            String upNode = up.isEmpty() ? null : up.get(r.nextInt(up.size()));
            String p = "#" + i + " ";
            switch (k) {
                case CRASH -> {
                    if (upNode == null || s.down.size() >= 2) {
                        continue;
                    }
                    ctx.step(p + "crash " + upNode, () -> b.crashNode(upNode));
                    s.down.add(upNode);
                    s.agentDown.remove(upNode);
                    s.detached.remove(upNode);
                }
                case BOOT -> {
                    if (s.down.isEmpty()) {
                        continue;
                    }
                    String n = new ArrayList<>(s.down).get(r.nextInt(s.down.size()));
                    ctx.step(p + "boot " + n, () -> b.bootNode(n));
                    s.down.remove(n);
                }
                case ISOLATE -> {
                    List<Set<String>> g = new ArrayList<>();
                    g.add(Set.of(any));
                    Set<String> rest = new LinkedHashSet<>(s.nodes);
                    rest.remove(any);
                    g.add(rest);
                    ctx.step(p + "isolate " + any, () -> b.sim().partition(g));
                    s.cut = true;
                }
                case SPLIT_ALL -> {
                    List<Set<String>> g = new ArrayList<>();
                    s.nodes.forEach(n -> g.add(Set.of(n)));
                    ctx.step(p + "every node alone", () -> b.sim().partition(g));
                    s.cut = true;
                }
                case ONE_WAY -> {
                    String other = s.nodes.get((s.nodes.indexOf(any) + 1 + r.nextInt(s.nodes.size() - 1))
                            % s.nodes.size());
                    ctx.step(p + "cut " + any + " -> " + other + " one way", () -> b.sim().cutLink(any, other, true));
                    s.cut = true;
                }
                case BRIDGE -> {
                    List<String> o = new ArrayList<>(s.nodes);
                    java.util.Collections.shuffle(o, r);
                    ctx.step(p + "bridge through " + o.get(1), () -> b.sim().partition(List.of(
                            Set.of(o.get(0), o.get(1)), Set.of(o.get(1), o.get(2)))));
                    s.cut = true;
                }
                case HEAL -> {
                    if (!s.cut) {
                        continue;
                    }
                    ctx.step(p + "heal the network", () -> b.sim().heal());
                    s.cut = false;
                }
                case FLAP -> {
                    ctx.step(p + "flap " + any, () -> {
                        List<Set<String>> g = new ArrayList<>();
                        g.add(Set.of(any));
                        Set<String> rest = new LinkedHashSet<>(s.nodes);
                        rest.remove(any);
                        g.add(rest);
                        b.sim().partition(g);
                        b.sleep(100 + r.nextInt(400));
                        b.sim().heal();
                    });
                    s.cut = false;
                }
                case DETACH -> {
                    if (upNode == null || !s.detached.isEmpty() || destroysData(b, upNode)) {
                        continue;
                    }
                    ctx.step(p + "detach the disk of " + upNode, () -> b.sim().detachDisk(upNode, res, 0, false));
                    s.detached.add(upNode);
                }
                case KILL_AGENT -> {
                    if (upNode == null || s.agentDown.contains(upNode)) {
                        continue;
                    }
                    ctx.step(p + "kill -9 the agent on " + upNode, () -> b.killAgent(upNode));
                    s.agentDown.add(upNode);
                }
                case START_AGENT -> {
                    List<String> c = new ArrayList<>(s.agentDown);
                    c.removeAll(s.down);
                    if (c.isEmpty()) {
                        continue;
                    }
                    String n = c.get(r.nextInt(c.size()));
                    ctx.step(p + "start the agent on " + n, () -> b.startAgent(n));
                    s.agentDown.remove(n);
                }
                case EVENTS2 -> {
                    if (upNode == null || s.agentDown.contains(upNode)) {
                        continue;
                    }
                    boolean garbage = r.nextBoolean();
                    ctx.step(p + (garbage ? "events2 garbage on " : "kill events2 on ") + upNode,
                            () -> b.breakEvents2(upNode, garbage));
                }
                case CONTROLLER_CRASH -> {
                    if (upNode == null) {
                        continue;
                    }
                    ctx.step(p + "the controller on " + upNode + " crashes once", () -> {
                        b.setFault(upNode, UnitFault.CONTROLLER_CRASHES, true);
                        b.setFault(upNode, UnitFault.CONTROLLER_CRASHES, false);
                    });
                }
                case DISABLE, ENABLE, EVICT, MOVE, RELOAD, RESTART_AGENT -> {
                    if (!operatorStep(ctx, s, r, p, k)) {
                        continue;
                    }
                }
                default -> throw new IllegalStateException(k.name());
            }
            return;
        }
        ctx.note("#" + i + " nothing applicable");
    }

    /**
     * An operator action or agent restart on a node whose agent runs; false when none applies. A request the agent
     * refuses (an evict with no peer to take over, a move to a node that cannot) is noted, not a failure: the
     * invariants judge what follows.
     */
    private static boolean operatorStep(ScenarioContext ctx, State s, Random r, String p, Kind k) throws Exception {
        Backend b = ctx.backend();
        List<String> managed = s.managed();
        if (managed.isEmpty()) {
            return false;
        }
        String n = managed.get(r.nextInt(managed.size()));
        String active = b.snapshot().converged();
        switch (k) {
            case DISABLE -> {
                if (s.disabled.contains(n)) {
                    return false;
                }
                ctx.step(p + "reactorctl disable on " + n, () -> request(ctx, n, Operator.DISABLE, null));
                s.disabled.add(n);
            }
            case ENABLE -> {
                List<String> c = new ArrayList<>(s.disabled);
                c.retainAll(managed);
                if (c.isEmpty()) {
                    return false;
                }
                String e = c.get(r.nextInt(c.size()));
                ctx.step(p + "reactorctl enable on " + e, () -> request(ctx, e, Operator.ENABLE, null));
                s.disabled.remove(e);
            }
            case EVICT -> {
                if (active == null || !managed.contains(active)) {
                    return false;
                }
                ctx.step(p + "reactorctl evict on " + active, () -> request(ctx, active, Operator.EVICT, null));
            }
            case MOVE -> {
                if (active == null || !managed.contains(active)) {
                    return false;
                }
                String to = s.nodes.get(r.nextInt(s.nodes.size()));
                ctx.step(p + "reactorctl move to " + to + " (on " + active + ")",
                        () -> request(ctx, active, Operator.MOVE, to));
            }
            case RELOAD -> ctx.step(p + "reload the agent on " + n + " (unchanged)", () -> b.reloadAgent(n, b.config()));
            case RESTART_AGENT -> ctx.step(p + "restart the agent on " + n, () -> {
                b.stopAgent(n);
                b.startAgent(n);
            });
            default -> throw new IllegalStateException(k.name());
        }
        return true;
    }

    private static void request(ScenarioContext ctx, String node, Operator op, String arg) {
        try {
            ctx.note(ctx.backend().operator(node, op, arg));
        } catch (Exception e) {
            ctx.note(op + " on " + node + " refused: " + e.getMessage());
        }
    }

    /**
     * Whether destroying {@code node}'s disk (a detach: the disk and its data are gone, a replaced disk carries no
     * data generation) could lose acknowledged writes. Any two of the three nodes form a quorum, so the destroyed
     * disk must not leave two nodes behind of which one lacks the newest data: the soak draws a detach only while
     * every other node's disk is consistent (UpToDate, Consistent or Outdated; a sync target's blocks are
     * incomplete) and holds every acknowledged write. Destroying the newest data is a loss no HA agent can undo;
     * convergence (I3) is required only where the data exists.
     */
    private static boolean destroysData(Backend b, String node) {
        String res = b.config().resource();
        List<Long> acked = b.acknowledged();
        for (String n : b.config().nodes()) {
            DiskState d = b.sim().disk(n, res, 0);
            boolean consistent = d == DiskState.UP_TO_DATE || d == DiskState.CONSISTENT || d == DiskState.OUTDATED;
            if (!n.equals(node) && (!consistent || !new java.util.HashSet<>(b.sim().data(n, res)).containsAll(acked))) {
                return true;
            }
        }
        return false;
    }

    /** Heals the network, boots every node, starts every agent, enables every node, re-attaches disks, clears faults. */
    private static void repair(ScenarioContext ctx, State s) throws Exception {
        Backend b = ctx.backend();
        String res = b.config().resource();
        ctx.step("repair: heal, boot, start agents, attach disks", () -> {
            b.sim().heal();
            for (String n : List.copyOf(s.down)) {
                b.bootNode(n);
                s.agentDown.remove(n);
            }
            s.down.clear();
            for (String n : List.copyOf(s.agentDown)) {
                b.startAgent(n);
            }
            s.agentDown.clear();
            for (String n : List.copyOf(s.disabled)) {
                request(ctx, n, Operator.ENABLE, null);
            }
            s.disabled.clear();
            for (String n : List.copyOf(s.detached)) {
                if (b.sim().isUp(n)) {
                    b.sim().attachDisk(n, res, 0);
                }
            }
            s.detached.clear();
            for (String n : s.nodes) {
                for (UnitFault f : EnumSet.allOf(UnitFault.class)) {
                    b.setFault(n, f, false);
                }
            }
        });
        s.cut = false;
    }

    /**
     * {@code Soak [--backend in-process|real-systemd] [--timing fast|realistic] [--steps N] [--seed N] [--without
     * KIND,...]}: runs the
     * soak and prints its summary, and on failure the seed and the timeline; exit status 1 on failure.
     */
    public static void main(String[] args) {
        String backend = "in-process";
        String timing = "fast";
        int steps = 1000;
        long seed = System.nanoTime();
        Set<Kind> kinds = EnumSet.allOf(Kind.class);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend" -> backend = args[++i];
                case "--timing" -> timing = args[++i];
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--without" -> {
                    for (String k : args[++i].split(",")) {
                        kinds.remove(Kind.valueOf(k.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        io.reactord.it.ScenarioResult r = io.reactord.it.ScenarioRunner.run(io.reactord.it.Profiles.backend(backend),
                new Soak(steps, kinds), io.reactord.it.Profiles.timing(timing), seed);
        System.out.println(r.summary() + " (seed " + seed + ")");
        if (!r.passed()) {
            System.out.println(r.report());
        }
        System.exit(r.passed() ? 0 : 1);
    }
}
