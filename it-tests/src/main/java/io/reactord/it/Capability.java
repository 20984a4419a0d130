package io.reactord.it;

/** Things a scenario may need that not every backend (or not every build of the agent) offers. */
public enum Capability {
    /** Operator requests (evict, move, disable, enable). */
    OPERATOR,
    /** {@code reactorctl status --json} or an equivalent view of the agent's decisions (I6). */
    STATUS,
    /** Killing or corrupting the agent's events2 child. */
    EVENTS2_FAULTS,
    /** Restarting the node's service manager / dropping the agent's bus connection. */
    MANAGER_RESTART,
    /** Reloading the agent with a changed configuration. */
    RELOAD,
    /** The agent daemon's own reports: its log and journal, the metrics endpoint, {@code reactorctl doctor}. */
    DAEMON_REPORTS,
    /** Start entries that run processes: the shell runner, OCF resource agents (per-node files, a real manager). */
    PROCESS_RUNNERS
}
