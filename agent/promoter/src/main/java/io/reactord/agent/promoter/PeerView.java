package io.reactord.agent.promoter;

import io.reactord.events2.DiskState;
import io.reactord.events2.Role;
import java.util.Map;

/**
 * One peer (connection) of a resource as seen from this node.
 *
 * @param name the peer's connection name (normally its host name)
 * @param connection connection state
 * @param role the peer's role (Unknown unless connected)
 * @param disks peer disk state per volume number
 */
public record PeerView(String name, ConnState connection, Role role, Map<Integer, DiskState> disks) {
    public PeerView {
        if (name == null || connection == null || role == null) {
            throw new IllegalArgumentException("name, connection and role must not be null");
        }
        disks = Map.copyOf(disks == null ? Map.of() : disks);
    }

    /** Connected and every known volume UpToDate (and at least one volume known). */
    public boolean upToDate() {
        return connection == ConnState.CONNECTED
                && !disks.isEmpty()
                && disks.values().stream().allMatch(d -> d == DiskState.UP_TO_DATE);
    }

    /** Connected and UpToDate on the given volume. */
    public boolean upToDate(int volume) {
        return connection == ConnState.CONNECTED && disks.get(volume) == DiskState.UP_TO_DATE;
    }
}
