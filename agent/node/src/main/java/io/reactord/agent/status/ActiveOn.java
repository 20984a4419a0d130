package io.reactord.agent.status;

/**
 * Which node runs a resource, decided in one place for the daemon's {@code active_on} and the status model's
 * "currently active on": this node when it runs it here, otherwise the first peer seen as DRBD Primary, otherwise
 * unknown. What "runs it here" means is the caller's input: the daemon requires its view to be complete, DRBD
 * Primary and the services target up; the status model, DRBD Primary.
 *
 * @param node  the node's name, or null when unknown
 * @param here  whether it is this node
 */
public record ActiveOn(String node, boolean here) {
    private static final ActiveOn UNKNOWN = new ActiveOn(null, false);

    /**
     * @param runsHere      whether this node runs the resource
     * @param hostname      this node's name
     * @param primaryPeers  the names of the peers seen as DRBD Primary, in the order seen
     */
    public static ActiveOn of(boolean runsHere, String hostname, Iterable<String> primaryPeers) {
        if (runsHere) {
            return new ActiveOn(hostname, true);
        }
        for (String p : primaryPeers) {
            return new ActiveOn(p, false);
        }
        return UNKNOWN;
    }

    /** Nobody is known to run it (no DRBD view, or a stale one). */
    public static ActiveOn unknown() {
        return UNKNOWN;
    }

    /** As the status text says it: {@code this node}, {@code node 'NAME'} or {@code <unknown>}. */
    public String text() {
        return here ? "this node" : node != null ? "node '" + node + "'" : "<unknown>";
    }
}
