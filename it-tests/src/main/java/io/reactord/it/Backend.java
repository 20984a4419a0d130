package io.reactord.it;

import io.reactord.sim.SimCluster;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A simulated DRBD cluster with one agent and one service manager per node. Scenarios are written once against
 * this interface; {@code InProcessBackend} (agents in this JVM on virtual time, a small in-memory service manager)
 * and {@code RealSystemdBackend} (agent processes, private real systemd managers, the real unit templates and shim)
 * implement it. Network and disk faults go straight to {@link #sim()}; node, agent and unit faults go through here
 * because they also touch processes.
 *
 * <p>Time: {@link #nowMs()} is the backend's clock (virtual or monotonic); {@link #sleep} and {@link #await} let
 * it pass. Every sample of the cluster (≥ 50 Hz on real time, after every event on virtual time) is handed to the
 * {@link #onSample} listeners.
 */
public interface Backend extends AutoCloseable {

    /** Short name for reports ({@code in-process}, {@code real-systemd}). */
    String name();

    /** What this backend can do beyond the basics; scenarios needing more report what is missing. */
    Set<Capability> capabilities();

    /** Why a capability is missing (shown when a scenario needs it). */
    String missing(Capability c);

    /**
     * Extra time convergence bounds allow on this backend: starting an agent process and its first events2 dump,
     * service manager start-up, a loaded CI machine. Zero on virtual time.
     */
    default long slackMs() {
        return 0;
    }

    /** Starts the simulator, every node's manager and (unless the config says not to) every agent. */
    void start(ClusterConfig config) throws Exception;

    ClusterConfig config();

    /** The DRBD model: partitions, link cuts, disk detach, data and roles. */
    SimCluster sim();

    long nowMs();

    /** Lets {@code ms} pass (virtual backends process every event on the way). */
    void sleep(long ms);

    /** Lets time pass until {@code condition} holds or {@code timeoutMs} passed; returns whether it holds. */
    boolean await(BooleanSupplier condition, long timeoutMs);

    /** Registers a listener for every sample. */
    void onSample(Consumer<Snapshot> listener);

    /** Observes every node now. */
    Snapshot snapshot();

    // ------------------------------------------------------------------ faults

    /** Hard crash: DRBD, the manager with all units, and the agent die at once. */
    void crashNode(String node) throws Exception;

    /** Boots a crashed or shut-down node: DRBD, a fresh manager, and the agent. */
    void bootNode(String node) throws Exception;

    /** Orderly shutdown: the agent stops, the manager stops every unit (services, then demote), DRBD goes down. */
    void shutdownNode(String node) throws Exception;

    /** {@code kill -9} of the agent only. */
    void killAgent(String node) throws Exception;

    /** Starts the agent on a node whose agent does not run. */
    void startAgent(String node) throws Exception;

    /** Stops the agent with SIGTERM and waits for it to exit. */
    void stopAgent(String node) throws Exception;

    /** Reloads the agent (SIGHUP) with the configuration {@code config} (unchanged or changed). */
    void reloadAgent(String node, ClusterConfig config) throws Exception;

    /** Turns a unit fault on or off on one node. */
    void setFault(String node, UnitFault fault, boolean on) throws Exception;

    /** Ends the agent's events2 stream ({@code garbage}: after emitting garbage); the agent must restart it. */
    void breakEvents2(String node, boolean garbage) throws Exception;

    /** Restarts the node's service manager under the agent (the agent's bus connection drops). */
    void restartManager(String node) throws Exception;

    /**
     * Stops the target and its start units on {@code node} without their dependencies (the promote unit stays, DRBD
     * stays Primary): a node left half-started, as after a manager crash or a manual stop (scenario 31).
     */
    void halfStop(String node) throws Exception;

    /**
     * Takes the node's bus away ({@code gone}) or brings it back: the agent's connection to the service manager
     * fails meanwhile while every unit keeps running (scenario 34; needs {@link Capability#MANAGER_RESTART}).
     */
    void busOutage(String node, boolean gone) throws Exception;

    /**
     * The ActiveState of any unit of the node's manager, lower case ({@code active}, {@code inactive}, …), where the
     * backend models units by name (in-process); "-" where it does not (the real backend: read files or the manager).
     */
    default String unitState(String node, String unit) {
        return "-";
    }

    /**
     * The node's own directory (what {@link ClusterConfig#NODE_DIR} stands for in its snippet), or null where nodes
     * have no files (in-process).
     */
    default java.nio.file.Path nodeDir(String node) {
        return null;
    }

    /** Every line the agent on {@code node} logged so far (its journal as far as the backend keeps it). */
    default List<String> agentLog(String node) {
        return List.of();
    }

    /** Issues an operator request on {@code node}; {@code arg} is the target node of a move. Returns its output. */
    String operator(String node, Operator op, String arg) throws Exception;

    // ------------------------------------------------------------------ observation

    /** Every sequence number a writer got acknowledged, on any node, so far. */
    List<Long> acknowledged();

    /** Number of times {@code unit} was started on {@code node} since the node booted (zero-action checks). */
    long starts(String node, String unit);

    /** Number of times {@code unit} was stopped on {@code node} since the node booted. */
    long stops(String node, String unit);

    /**
     * The ActiveState of the resource's target on {@code node} alone ("-" when it cannot be read), without a round
     * over every node: a benchmark watching the survivors of a crash must not wait on the crashed node's manager.
     */
    default String targetState(String node) {
        NodeState n = snapshot().nodes().get(node);
        return n == null ? "-" : n.target();
    }

    /** Agent log lines of {@code node} that are errors or stack traces (I5). */
    List<String> logProblems(String node);

    /** Agent processes that exited without being told to (I5), as "node: why". */
    List<String> unexpectedExits();

    /**
     * What the agent on {@code node} itself reports for the resource (I6): the node it says runs it, "-" for nobody,
     * or null when this backend cannot ask.
     */
    String reportedActiveNode(String node);

    /**
     * Moves the wall clock of {@code node}'s agent to real time + {@code offsetMs} (0: back to real time) while
     * its monotonic clock runs on untouched (scenario 24). Only that node's agent sees the jump.
     */
    void jumpWallClock(String node, long offsetMs) throws Exception;

    /** What the agent on {@code node} reports about the resource (its status), or null when it cannot be asked. */
    AgentReport report(String node);

    /**
     * Evidence that a failed demotion on {@code node} escalated (scenario 13): entries {@code "ran: …"} for what the
     * service manager did (the escalation unit and its FailureAction), {@code "reported: …"} for what the agent
     * reported (log, journal), in the order seen.
     */
    List<String> escalations(String node);

    /** The output of {@code reactorctl doctor} on {@code node} (with its exit status), or null without a daemon. */
    default String doctor(String node) {
        return null;
    }

    /** The agent's Prometheus metrics on {@code node} (text format), or null without a metrics endpoint. */
    default String metrics(String node) {
        return null;
    }

    @Override
    void close();
}
