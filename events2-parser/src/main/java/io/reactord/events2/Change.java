package io.reactord.events2;

/**
 * One field a promoter cares about changed. {@code volume} and {@code peerNodeId} locate the object
 * (null where not applicable); {@code after} is the whole resource after the change (null when the
 * resource itself was destroyed). Values are the typed field values (enums, Boolean, Integer, lists),
 * or names for {@link Field#RENAMED}; null means "not known".
 */
public record Change(String resource, Field field, Integer volume, Integer peerNodeId, Object oldValue,
        Object newValue, ResourceInfo after) {

    /** The fields reported by {@link ClusterState}. */
    public enum Field {
        RESOURCE_CREATED, RESOURCE_DESTROYED, RENAMED,
        ROLE, SUSPENDED, FORCE_IO_FAILURES, MAY_PROMOTE, PROMOTION_SCORE,
        DEVICE_CREATED, DEVICE_DESTROYED, DISK, CLIENT, QUORUM, OPEN,
        CONNECTION_CREATED, CONNECTION_DESTROYED, CONNECTION_STATE, PEER_ROLE,
        PEER_DEVICE_CREATED, PEER_DEVICE_DESTROYED, REPLICATION, PEER_DISK, PEER_CLIENT
    }
}
