package io.reactord.events2;

import java.util.List;
import java.util.Map;

/**
 * Immutable snapshot of one resource as this node's events2 stream describes it: its own role and
 * promotion signals, its local devices (by volume) and its connections to peers (by peer node id).
 * A field is null when no line has carried it yet. Maps iterate in ascending key order.
 */
public record ResourceInfo(String name, Role role, List<String> suspended, TriState forceIoFailures,
        String writeOrdering, Boolean mayPromote, Integer promotionScore, Attrs stats,
        Map<Integer, DeviceInfo> devices, Map<Integer, ConnectionInfo> connections) {

    static ResourceInfo empty(String name) {
        return new ResourceInfo(name, null, null, null, null, null, null, Attrs.EMPTY, Map.of(), Map.of());
    }

    /** True when this node is DRBD Primary for the resource. */
    public boolean isPrimary() {
        return role == Role.PRIMARY;
    }

    /** True when any connected peer is Primary. */
    public boolean peerPrimary() {
        return connections.values().stream().anyMatch(c -> c.peerRole() == Role.PRIMARY);
    }

    /** True when every local volume reports quorum (and there is at least one). */
    public boolean hasQuorum() {
        return !devices.isEmpty() && devices.values().stream().allMatch(d -> Boolean.TRUE.equals(d.quorum()));
    }

    /** I/O is suspended for any reason ({@code suspended} is not {@code no}). */
    public boolean isSuspended() {
        return suspended != null && !suspended.isEmpty();
    }

    ResourceInfo withName(String newName) {
        return new ResourceInfo(newName, role, suspended, forceIoFailures, writeOrdering, mayPromote,
                promotionScore, stats, devices, connections);
    }

    ResourceInfo withDevices(Map<Integer, DeviceInfo> d) {
        return new ResourceInfo(name, role, suspended, forceIoFailures, writeOrdering, mayPromote, promotionScore,
                stats, d, connections);
    }

    ResourceInfo withConnections(Map<Integer, ConnectionInfo> c) {
        return new ResourceInfo(name, role, suspended, forceIoFailures, writeOrdering, mayPromote, promotionScore,
                stats, devices, c);
    }
}
