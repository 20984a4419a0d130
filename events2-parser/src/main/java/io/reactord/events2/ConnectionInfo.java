package io.reactord.events2;

import java.util.Map;

/**
 * This node's connection to one peer ({@code connection} lines), with the peer's devices as seen over it
 * (by volume) and its network paths (keyed {@code "local peer"}). {@code peerRole} is the peer's role.
 */
public record ConnectionInfo(int peerNodeId, String connName, ConnectionState connection, Role peerRole,
        Attrs stats, Map<Integer, PeerDeviceInfo> peerDevices, Map<String, PathInfo> paths) {

    static ConnectionInfo empty(int peerNodeId, String connName) {
        return new ConnectionInfo(peerNodeId, connName, null, null, Attrs.EMPTY, Map.of(), Map.of());
    }

    /** True when the connection state is Connected. */
    public boolean isConnected() {
        return connection == ConnectionState.CONNECTED;
    }

    ConnectionInfo withPeerDevices(Map<Integer, PeerDeviceInfo> pd) {
        return new ConnectionInfo(peerNodeId, connName, connection, peerRole, stats, pd, paths);
    }

    ConnectionInfo withPaths(Map<String, PathInfo> p) {
        return new ConnectionInfo(peerNodeId, connName, connection, peerRole, stats, peerDevices, p);
    }

    ConnectionInfo withStats(Attrs s) {
        return new ConnectionInfo(peerNodeId, connName, connection, peerRole, s, peerDevices, paths);
    }
}
