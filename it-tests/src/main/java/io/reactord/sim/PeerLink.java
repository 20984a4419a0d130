package io.reactord.sim;

/** One node's connection to one peer for one resource (mutable; owned by {@link SimCluster}). */
final class PeerLink {
    final String peer;
    ConnState conn = ConnState.CONNECTING;
    /** per volume: replication state while Connected */
    final ReplState[] repl;
    /** per volume: resync progress in percent while syncing, else -1 */
    final double[] done;
    /** per volume: KiB sent/received over this connection */
    final long[] sent;
    final long[] received;
    /** identifies the running resync so a stale completion timer does nothing */
    long syncToken;
    /** why this side refuses to connect (StandAlone), or null */
    String refusal;

    PeerLink(String peer, int volumes) {
        this.peer = peer;
        this.repl = new ReplState[volumes];
        this.done = new double[volumes];
        this.sent = new long[volumes];
        this.received = new long[volumes];
        java.util.Arrays.fill(repl, ReplState.OFF);
        java.util.Arrays.fill(done, -1);
    }

    boolean connected() {
        return conn == ConnState.CONNECTED;
    }
}
