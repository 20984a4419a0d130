package io.reactord.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A DRBD 9 cluster model: N nodes × resources × volumes with DRBD's quorum, promotion, connection, resync and
 * replication rules (EVENTS2.md §4), fault injection, and per-node events2 streams.
 *
 * <p>Pure: no I/O, no threads, no clock. Time is virtual and advances only through {@link #advanceTo(long)} /
 * {@link #runFor(long)}; every timed DRBD transition is a timer on that virtual clock. Every public method is
 * {@code synchronized} on this object so a live server may call it from several threads; listeners are called
 * with the lock held.
 */
public final class SimCluster {

    /** Notified when a node crashes/shuts down or comes back (the live server opens/closes its port). */
    public interface NodeListener {
        void nodeUp(String node);

        void nodeDown(String node);
    }

    /** A split brain the model detected on connect: two nodes with diverging data (invariant I4). */
    public record SplitBrain(String resource, String nodeA, String nodeB, long atMs) {
    }

    private record Timer(long at, long seq, String key, Runnable action) {
    }

    final SimTiming timing;
    private final Map<String, SimNodeSpec> nodes = new LinkedHashMap<>();
    private final Map<String, SimResourceSpec> resources = new LinkedHashMap<>();
    private final Map<String, Boolean> up = new HashMap<>();
    private final Map<String, Map<String, NodeResource>> state = new HashMap<>();
    /** directed cuts "a>b": packets from a do not reach b */
    private final Set<String> cuts = new HashSet<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((x, y) -> x.at != y.at
            ? Long.compare(x.at, y.at) : Long.compare(x.seq, y.seq));
    private final Map<String, Timer> pendingByKey = new HashMap<>();
    private final List<Events2Subscription> subscriptions = new ArrayList<>();
    private final List<NodeListener> nodeListeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<String[]>> helpers = new LinkedHashMap<>();
    final List<SplitBrain> splitBrains = new ArrayList<>();
    private final ViewRenderer renderer = new ViewRenderer(this);
    private final QuorumRules quorumRules = new QuorumRules(this);
    private final DrbdRules rules = new DrbdRules(this, quorumRules);
    private final DrbdOperations operations = new DrbdOperations(this, rules, quorumRules);
    private final LocalFaults localFaults = new LocalFaults(this, rules);
    private final RoleCalls roleCalls = new RoleCalls();
    private long now;
    private long timerSeq;
    /** Per "node/resource": how often it became Primary (never reset, also not by a crash). */
    private final Map<String, Long> promotions = new HashMap<>();

    /** A cluster where every node holds every resource, all connected, UpToDate, Secondary, with quorum. */
    public SimCluster(List<SimNodeSpec> nodeSpecs, List<SimResourceSpec> resourceSpecs, SimTiming timing) {
        this.timing = timing;
        for (SimNodeSpec n : nodeSpecs) {
            if (nodes.putIfAbsent(n.name(), n) != null) {
                throw new IllegalArgumentException("duplicate node " + n.name());
            }
            up.put(n.name(), true);
            state.put(n.name(), new LinkedHashMap<>());
        }
        for (SimResourceSpec r : resourceSpecs) {
            if (resources.putIfAbsent(r.name(), r) != null) {
                throw new IllegalArgumentException("duplicate resource " + r.name());
            }
            for (SimNodeSpec n : nodeSpecs) {
                NodeResource nr = new NodeResource(r, n.name());
                for (SimNodeSpec p : nodeSpecs) {
                    if (!p.name().equals(n.name())) {
                        PeerLink l = new PeerLink(p.name(), r.volumes());
                        l.conn = ConnState.CONNECTED;
                        java.util.Arrays.fill(l.repl, ReplState.ESTABLISHED);
                        nr.peers.put(p.name(), l);
                    }
                }
                state.get(n.name()).put(r.name(), nr);
            }
        }
        quorumRules.recomputeQuorum(false);
    }

    /** Three nodes alpha(0) bravo(1) charlie(2) at 10.0.0.1-3 with the given resources. */
    public static SimCluster threeNodes(SimTiming timing, SimResourceSpec... res) {
        return new SimCluster(List.of(new SimNodeSpec("alpha", 0, "10.0.0.1"), new SimNodeSpec("bravo", 1, "10.0.0.2"),
                new SimNodeSpec("charlie", 2, "10.0.0.3")), List.of(res), timing);
    }

    // ---------------------------------------------------------------- queries

    public synchronized long now() {
        return now;
    }

    public synchronized List<String> nodeNames() {
        return List.copyOf(nodes.keySet());
    }

    public synchronized List<String> resourceNames() {
        return List.copyOf(resources.keySet());
    }

    public synchronized SimResourceSpec resourceSpec(String res) {
        return resources.get(res);
    }

    public synchronized boolean hasResource(String res) {
        return resources.containsKey(res);
    }

    public synchronized boolean isUp(String node) {
        return up.get(requireNode(node));
    }

    public synchronized Role role(String node, String res) {
        return nodeResource(node, res).role;
    }

    public synchronized DiskState disk(String node, String res, int volume) {
        return nodeResource(node, res).disk[volume];
    }

    public synchronized boolean quorum(String node, String res, int volume) {
        return nodeResource(node, res).quorum[volume];
    }

    public synchronized boolean suspended(String node, String res) {
        return nodeResource(node, res).suspendedQuorum;
    }

    public synchronized boolean forceIoFailures(String node, String res) {
        return nodeResource(node, res).forceIoFailures;
    }

    public synchronized ConnState connection(String node, String res, String peer) {
        return nodeResource(node, res).peers.get(peer).conn;
    }

    public synchronized ReplState replication(String node, String res, String peer, int volume) {
        return nodeResource(node, res).peers.get(peer).repl[volume];
    }

    /** {@code may_promote} as this node's events2 shows it. */
    public synchronized boolean mayPromote(String node, String res) {
        return renderer.mayPromote(nodeResource(node, res)).may();
    }

    /** {@code promotion_score} as this node's events2 shows it. */
    public synchronized int promotionScore(String node, String res) {
        return renderer.mayPromote(nodeResource(node, res)).score();
    }

    /** The node's local copy of the replicated data (acknowledged sequence numbers in order). */
    public synchronized List<Long> data(String node, String res) {
        return List.copyOf(nodeResource(node, res).data);
    }

    /** Up nodes whose role is Primary for {@code res}. */
    public synchronized List<String> primaries(String res) {
        List<String> out = new ArrayList<>();
        for (String n : nodes.keySet()) {
            if (up.get(n) && nodeResource(n, res).role == Role.PRIMARY) {
                out.add(n);
            }
        }
        return out;
    }

    /** Split brains detected so far (I4 violations). */
    public synchronized List<SplitBrain> splitBrains() {
        return List.copyOf(splitBrains);
    }

    /**
     * Pairs of diskful nodes whose data diverged (neither is a prefix of the other): possible only if two
     * Primaries wrote independently (I4).
     */
    public synchronized List<String> divergences(String res) {
        List<String> out = new ArrayList<>();
        List<String> names = new ArrayList<>(nodes.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                NodeResource a = nodeResource(names.get(i), res);
                NodeResource b = nodeResource(names.get(j), res);
                if (!a.client && !b.client && DrbdRules.compare(a.data, b.data) == DrbdRules.Relation.DIVERGED) {
                    out.add(names.get(i) + "/" + names.get(j));
                }
            }
        }
        return out;
    }

    /** The events2 object lines this node would print for the resource right now (--full, printer order). */
    public synchronized List<ObjectLine> view(String node, String res) {
        return renderer.render(node, res);
    }

    /** Virtual time of the next pending timer, or -1. */
    public synchronized long nextTimerAt() {
        return timers.isEmpty() ? -1 : timers.peek().at;
    }

    // ---------------------------------------------------------------- time

    /** Runs every timer due up to {@code t} in order, then sets the clock to {@code t}. */
    public synchronized void advanceTo(long t) {
        while (!timers.isEmpty() && timers.peek().at <= t) {
            Timer x = timers.poll();
            if (pendingByKey.get(x.key) == x) {
                pendingByKey.remove(x.key);
            }
            now = Math.max(now, x.at);
            x.action.run();
            afterChange();
        }
        now = Math.max(now, t);
    }

    public synchronized void runFor(long ms) {
        advanceTo(now + ms);
    }

    /** Runs timers until none is left or {@code limitMs} of virtual time passed. */
    public synchronized void settle(long limitMs) {
        long end = now + limitMs;
        while (!timers.isEmpty() && timers.peek().at <= end) {
            advanceTo(timers.peek().at);
        }
    }

    /** Runs timers until none is left (at most one virtual hour). */
    public synchronized void settle() {
        settle(3_600_000);
    }

    void schedule(String key, long delay, Runnable action) {
        if (key != null && pendingByKey.containsKey(key)) {
            return;
        }
        Timer t = new Timer(now + delay, timerSeq++, key == null ? "#" + timerSeq : key, action);
        timers.add(t);
        pendingByKey.put(t.key, t);
    }

    /** Runs the pending timer with this key now, if any. */
    void fireNow(String key) {
        Timer t = pendingByKey.remove(key);
        if (t != null) {
            timers.remove(t);
            t.action.run();
        }
    }

    Collection<String> pendingKeys() {
        return new ArrayList<>(pendingByKey.keySet());
    }

    // ---------------------------------------------------------------- events2

    /** Starts an events2 stream: the {@code exists} dump and {@code exists -} go to the listener at once. */
    public synchronized Events2Subscription subscribe(String node, String resourceOrNull, Events2Listener listener) {
        requireNode(node);
        if (!up.get(node)) {
            throw new IllegalStateException(node + " is down");
        }
        Events2Subscription s = new Events2Subscription(this, node, resourceOrNull, listener);
        subscriptions.add(s);
        s.dump(views(node, s));
        return s;
    }

    synchronized void unsubscribe(Events2Subscription s) {
        subscriptions.remove(s);
    }

    Map<String, List<ObjectLine>> views(String node, Events2Subscription s) {
        Map<String, List<ObjectLine>> out = new LinkedHashMap<>();
        for (String r : resources.keySet()) {
            if (s.shows(r) && !localFaults.isDown(node, r)) {
                out.put(r, renderer.render(node, r));
            }
        }
        return out;
    }

    public void addNodeListener(NodeListener l) {
        nodeListeners.add(l);
    }

    void helper(String node, String res, String line) {
        helpers.computeIfAbsent(node, k -> new ArrayList<>()).add(new String[] {res, line});
    }

    /** Recomputes derived state to a fixed point, schedules timed work, and publishes changes to every stream. */
    void afterChange() {
        rules.settleState();
        rules.scheduleTimedWork();
        publish();
    }

    /** Sends the current state to every stream without recomputing anything (an intermediate burst). */
    void publish() {
        Map<String, List<String[]>> pending = new LinkedHashMap<>(helpers);
        helpers.clear();
        for (Events2Subscription s : new ArrayList<>(subscriptions)) {
            if (!up.get(s.node())) {
                continue;
            }
            List<String[]> nodeHelpers = pending.getOrDefault(s.node(), List.of());
            for (String r : resources.keySet()) {
                if (s.shows(r)) {
                    List<String> h = new ArrayList<>();
                    for (String[] x : nodeHelpers) {
                        if (x[0].equals(r)) {
                            h.add(x[1]);
                        }
                    }
                    s.push(localFaults.isDown(s.node(), r) ? List.of() : renderer.render(s.node(), r), h,
                            localFaults.shownName(s.node(), r));
                }
            }
        }
    }

    // ---------------------------------------------------------------- faults

    /** Hard crash: the node stops at once; peers notice after {@link SimTiming#detectCrashMs()}. */
    public synchronized void crash(String node) {
        requireNode(node);
        if (!up.get(node)) {
            return;
        }
        up.put(node, false);
        endStreams(node, "node crashed");
        rules.linksChanged();
        afterChange();
        nodeListeners.forEach(l -> l.nodeDown(node));
    }

    /** Graceful shutdown ({@code drbdadm down}): must be Secondary everywhere; peers mark it Outdated. */
    public synchronized ToolResult shutdown(String node) {
        requireNode(node);
        if (!up.get(node)) {
            return ToolResult.ok();
        }
        for (NodeResource nr : state.get(node).values()) {
            if (nr.role == Role.PRIMARY) {
                return ToolResult.stateChangeFailed(nr.spec.name(), -12, "Device is held open by someone");
            }
        }
        rules.gracefulLeave(node);
        up.put(node, false);
        endStreams(node, "node shut down");
        afterChange();
        nodeListeners.forEach(l -> l.nodeDown(node));
        return ToolResult.ok();
    }

    /** Boots a crashed or shut-down node: Secondary, disks from metadata, connecting to its peers. */
    public synchronized void restart(String node) {
        requireNode(node);
        if (up.get(node)) {
            return;
        }
        rules.flushDetections(node);
        up.put(node, true);
        localFaults.boot(node);
        rules.boot(node);
        rules.linksChanged();
        afterChange();
        nodeListeners.forEach(l -> l.nodeUp(node));
    }

    /**
     * Network partition: two nodes can talk iff some group contains both (overlapping groups express a bridge).
     * Nodes in no group are isolated.
     */
    public synchronized void partition(List<Set<String>> groups) {
        cuts.clear();
        for (String a : nodes.keySet()) {
            for (String b : nodes.keySet()) {
                if (!a.equals(b) && groups.stream().noneMatch(g -> g.contains(a) && g.contains(b))) {
                    cuts.add(a + ">" + b);
                }
            }
        }
        rules.linksChanged();
        afterChange();
    }

    /** Cuts the link a→b (and b→a unless one-way). A connection needs both directions. */
    public synchronized void cutLink(String a, String b, boolean oneWay) {
        requireNode(a);
        requireNode(b);
        cuts.add(a + ">" + b);
        if (!oneWay) {
            cuts.add(b + ">" + a);
        }
        rules.linksChanged();
        afterChange();
    }

    /** Restores both directions between a and b. */
    public synchronized void healLink(String a, String b) {
        cuts.remove(a + ">" + b);
        cuts.remove(b + ">" + a);
        rules.linksChanged();
        afterChange();
    }

    /** Cuts every link of {@code node} in both directions. */
    public synchronized void isolate(String node) {
        requireNode(node);
        for (String other : nodes.keySet()) {
            if (!other.equals(node)) {
                cuts.add(node + ">" + other);
                cuts.add(other + ">" + node);
            }
        }
        afterChange();
    }

    /**
     * A flapping network on the virtual clock: {@code node} is isolated for {@code downMs}, then reconnected
     * for {@code upMs}, {@code cycles} times, starting now.
     */
    public synchronized void flap(String node, long downMs, long upMs, int cycles) {
        requireNode(node);
        for (int i = 0; i < cycles; i++) {
            long at = i * (downMs + upMs);
            schedule(null, at, () -> isolateLinks(node, true));
            schedule(null, at + downMs, () -> isolateLinks(node, false));
        }
    }

    private void isolateLinks(String node, boolean cut) {
        for (String other : nodes.keySet()) {
            if (!other.equals(node)) {
                if (cut) {
                    cuts.add(node + ">" + other);
                    cuts.add(other + ">" + node);
                } else {
                    cuts.remove(node + ">" + other);
                    cuts.remove(other + ">" + node);
                }
            }
        }
    }

    /** Removes every cut. */
    public synchronized void heal() {
        cuts.clear();
        rules.linksChanged();
        afterChange();
    }

    /** Local disk goes away: detach ({@code ioError=false}) or a failing disk (local-io-error helper). */
    public synchronized void detachDisk(String node, String res, int volume, boolean ioError) {
        requireUp(node);
        rules.detach(nodeResource(node, res), volume, ioError);
    }

    /** Attaches the backing disk again (Outdated until it syncs or confirms against an UpToDate peer). */
    public synchronized void attachDisk(String node, String res, int volume) {
        requireUp(node);
        NodeResource nr = nodeResource(node, res);
        if (!nr.client && nr.disk[volume] == DiskState.DISKLESS) {
            nr.disk[volume] = DiskState.OUTDATED;
            afterChange();
        }
    }

    /**
     * Demotion of {@code res} on {@code node} fails while on, also forced ({@code (-12) Device is held open by
     * someone}, exit 11): a hung opener. A reboot of the node clears it.
     */
    public synchronized void failDemote(String node, String res, boolean on) {
        requireUp(node);
        nodeResource(node, res);
        localFaults.failDemote(node, res, on);
    }

    /**
     * A Connecting storm between a and b: while on, every handshake fails ({@code ProtocolError}, Unconnected,
     * Connecting, next attempt after the connect delay); an established connection drops at once.
     */
    public synchronized void failHandshakes(String a, String b, boolean on) {
        requireNode(a);
        requireNode(b);
        localFaults.failHandshakes(a, b, on);
        afterChange();
    }

    /** {@code drbdadm disconnect} (on: StandAlone, no reconnect attempts) or {@code drbdadm connect} of node→peer. */
    public synchronized void standAlone(String node, String peer, boolean on) {
        requireUp(node);
        requireNode(peer);
        localFaults.standAlone(node, peer, on);
        afterChange();
    }

    /**
     * {@code drbdadm down RES} on one node: refused on a Primary; otherwise the node's events2 streams print the
     * {@code destroy} lines (children first) and its peers see it leave gracefully.
     */
    public synchronized ToolResult destroyResource(String node, String res) {
        requireUp(node);
        ToolResult r = localFaults.destroy(node, res);
        afterChange();
        return r;
    }

    /** {@code drbdadm up RES} on one node after {@link #destroyResource}: {@code create} lines, then it connects. */
    public synchronized void createResource(String node, String res) {
        requireUp(node);
        nodeResource(node, res);
        localFaults.create(node, res);
        afterChange();
    }

    /** Whether {@code res} is torn down ({@link #destroyResource}) on {@code node}. */
    public synchronized boolean resourceDown(String node, String res) {
        return localFaults.isDown(node, res);
    }

    /**
     * {@code drbdsetup rename-resource FROM TO} on one node: its events2 streams print {@code rename resource
     * name:FROM new_name:TO} and use TO from then on (only events2 follows the new name; the other tools and the
     * peers keep the configured one). Renaming back to the configured name undoes it; a reboot forgets it.
     */
    public synchronized void renameResource(String node, String from, String to) {
        requireUp(node);
        localFaults.rename(node, from, to);
        for (Events2Subscription s : new ArrayList<>(subscriptions)) {
            if (s.node().equals(node)) {
                s.renamed(from, to);
            }
        }
        afterChange();
    }

    LocalFaults localFaults() {
        return localFaults;
    }

    // ---------------------------------------------------------------- operations

    /** {@code drbdsetup primary [--force] RES}: DRBD decides; the result carries drbdsetup's exit code/stderr. */
    public synchronized ToolResult promote(String node, String res, boolean force) {
        requireUp(node);
        if (localFaults.isDown(node, res)) {
            return ToolResult.unknownResource(res);
        }
        NodeResource nr = nodeResource(node, res);
        boolean was = nr.role == Role.PRIMARY;
        int openers = nr.openCount;
        ToolResult r = operations.promote(node, nr, force);
        if (!was && nr.role == Role.PRIMARY) {
            promotions.merge(node + "/" + res, 1L, Long::sum);
        }
        return logged(node, res, true, force, was, openers, r);
    }

    /**
     * How often {@code node} became Primary for {@code res} so far. Two readings that differ bracket a time when
     * it was Primary, even if both readings saw it Secondary (an observer that cannot read atomically needs this).
     */
    public synchronized long promotions(String node, String res) {
        return promotions.getOrDefault(node + "/" + res, 0L);
    }

    /** {@code drbdsetup secondary [--force] RES}. */
    public synchronized ToolResult demote(String node, String res, boolean force) {
        requireUp(node);
        if (localFaults.isDown(node, res)) {
            return ToolResult.unknownResource(res);
        }
        NodeResource nr = nodeResource(node, res);
        boolean was = nr.role == Role.PRIMARY;
        int openers = nr.openCount;
        return logged(node, res, false, force, was, openers, operations.demote(nr, force));
    }

    private ToolResult logged(String node, String res, boolean promote, boolean force, boolean was, int openers,
                              ToolResult r) {
        roleCalls.call(new RoleCalls.Call(now, node, res, promote, force, r.success(), was, openers));
        return r;
    }

    /** The role change calls and harness marks (invariants I8, I9). */
    public RoleCalls roleCalls() {
        return roleCalls;
    }

    /** {@code drbdsim mark RES TEXT}: the harness notes {@code text} on {@code node} at the model's time. */
    public synchronized void mark(String node, String res, String text) {
        roleCalls.mark(new RoleCalls.Mark(now, node, res, text));
    }

    /** Opens the device read-write (a mount); refused on a Secondary since auto-promote is not simulated. */
    public synchronized ToolResult open(String node, String res) {
        requireUp(node);
        NodeResource nr = nodeResource(node, res);
        if (nr.role != Role.PRIMARY) {
            return new ToolResult(1, "", "open /dev/drbd" + nr.spec.firstMinor() + ": Read-only file system\n");
        }
        nr.openCount++;
        afterChange();
        return ToolResult.ok();
    }

    /** Closes one opener; the last close clears force-io-failures. */
    public synchronized ToolResult close(String node, String res) {
        requireUp(node);
        NodeResource nr = nodeResource(node, res);
        nr.openCount = Math.max(0, nr.openCount - 1);
        if (nr.openCount == 0) {
            nr.forceIoFailures = false;
        }
        afterChange();
        return ToolResult.ok();
    }

    /**
     * Appends {@code seq} to the resource's replicated data, acknowledged (exit 0) only on a Primary with quorum,
     * not suspended, not failing I/O, with access to UpToDate data; replicated to every connected diskful peer.
     */
    public synchronized ToolResult write(String node, String res, long seq) {
        requireUp(node);
        return operations.write(node, nodeResource(node, res), seq);
    }

    /** Reads the data as this node's device would serve it (local UpToDate disk or a connected UpToDate peer). */
    public synchronized ToolResult read(String node, String res) {
        requireUp(node);
        return operations.read(nodeResource(node, res));
    }

    // ---------------------------------------------------------------- internals for DrbdRules / renderer

    NodeResource nodeResource(String node, String res) {
        Map<String, NodeResource> m = state.get(requireNode(node));
        NodeResource nr = m.get(res);
        if (nr == null) {
            throw new IllegalArgumentException("unknown resource " + res);
        }
        return nr;
    }

    Collection<NodeResource> nodeResources(String res) {
        List<NodeResource> out = new ArrayList<>();
        for (String n : nodes.keySet()) {
            out.add(state.get(n).get(res));
        }
        return out;
    }

    Collection<String> allResources() {
        return resources.keySet();
    }

    Collection<String> allNodes() {
        return nodes.keySet();
    }

    boolean up(String node) {
        return up.get(node);
    }

    /** Both nodes up and packets flow both ways. */
    boolean linkWorks(String a, String b) {
        return up.get(a) && up.get(b) && !cuts.contains(a + ">" + b) && !cuts.contains(b + ">" + a);
    }

    int nodeId(String node) {
        return nodes.get(node).nodeId();
    }

    String address(String node) {
        return nodes.get(node).address();
    }

    private void endStreams(String node, String reason) {
        for (Events2Subscription s : new ArrayList<>(subscriptions)) {
            if (s.node().equals(node)) {
                subscriptions.remove(s);
                s.end(reason);
            }
        }
    }

    private String requireNode(String node) {
        if (!nodes.containsKey(node)) {
            throw new IllegalArgumentException("unknown node " + node);
        }
        return node;
    }

    private void requireUp(String node) {
        if (!up.get(requireNode(node))) {
            throw new IllegalStateException(node + " is down");
        }
    }
}
