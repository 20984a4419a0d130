package io.reactord.it;

import io.reactord.sim.SimCluster;
import io.reactord.sim.SimResourceSpec;
import io.reactord.sim.SimTiming;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A backend for invariant tests: a real simulator, unit start counts and agent reports set by the test. */
final class FakeBackend implements Backend {
    final SimCluster sim = SimCluster.threeNodes(SimTiming.fast(), SimResourceSpec.simple(ClusterConfig.RESOURCE));
    final Map<String, Long> starts = new HashMap<>();
    final Map<String, String> states = new HashMap<>();
    private final ClusterConfig config = ClusterConfig.standard(SimTiming.fast());

    FakeBackend() {
        sim.settle();
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public String missing(Capability c) {
        return "fake";
    }

    @Override
    public void start(ClusterConfig c) {
    }

    @Override
    public ClusterConfig config() {
        return config;
    }

    @Override
    public SimCluster sim() {
        return sim;
    }

    @Override
    public long nowMs() {
        return sim.now();
    }

    @Override
    public void sleep(long ms) {
        sim.runFor(ms);
    }

    @Override
    public boolean await(BooleanSupplier condition, long timeoutMs) {
        return condition.getAsBoolean();
    }

    @Override
    public void onSample(Consumer<Snapshot> listener) {
    }

    @Override
    public Snapshot snapshot() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void crashNode(String node) {
    }

    @Override
    public void bootNode(String node) {
    }

    @Override
    public void shutdownNode(String node) {
    }

    @Override
    public void killAgent(String node) {
    }

    @Override
    public void startAgent(String node) {
    }

    @Override
    public void stopAgent(String node) {
    }

    @Override
    public void reloadAgent(String node, ClusterConfig c) {
    }

    @Override
    public void setFault(String node, UnitFault fault, boolean on) {
    }

    @Override
    public void breakEvents2(String node, boolean garbage) {
    }

    @Override
    public void restartManager(String node) {
    }

    @Override
    public void halfStop(String node) {
    }

    @Override
    public void busOutage(String node, boolean gone) {
    }

    @Override
    public String operator(String node, Operator op, String arg) {
        return "";
    }

    @Override
    public List<Long> acknowledged() {
        return List.of();
    }

    @Override
    public long starts(String node, String unit) {
        return starts.getOrDefault(node + " " + unit, 0L);
    }

    @Override
    public long stops(String node, String unit) {
        return 0;
    }

    @Override
    public List<String> logProblems(String node) {
        return List.of();
    }

    @Override
    public List<String> unexpectedExits() {
        return List.of();
    }

    @Override
    public String reportedActiveNode(String node) {
        return null;
    }

    @Override
    public void jumpWallClock(String node, long offsetMs) {
    }

    @Override
    public AgentReport report(String node) {
        String s = states.get(node);
        return s == null ? null : new AgentReport(s, "primary", Map.of());
    }

    @Override
    public List<String> escalations(String node) {
        return List.of();
    }

    @Override
    public void close() {
    }
}
