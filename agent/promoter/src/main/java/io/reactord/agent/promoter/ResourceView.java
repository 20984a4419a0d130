package io.reactord.agent.promoter;

import io.reactord.events2.Role;
import java.util.List;
import java.util.Set;

/**
 * A snapshot of one DRBD resource as this node sees it: the only DRBD input of the promoter.
 *
 * @param name resource name
 * @param role local role
 * @param mayPromote drbdsetup's {@code may_promote} (false when the key is absent)
 * @param promotionScore drbdsetup's {@code promotion_score}
 * @param suspended suspension reasons ({@code user}, {@code no-data}, {@code fencing}, {@code quorum}); empty when not suspended
 * @param forceIoFailures drbdsetup's {@code force-io-failures}
 * @param volumes local volumes
 * @param peers peers (connections)
 */
public record ResourceView(
        String name,
        Role role,
        boolean mayPromote,
        long promotionScore,
        Set<String> suspended,
        boolean forceIoFailures,
        List<VolumeView> volumes,
        List<PeerView> peers) {

    public ResourceView {
        if (name == null || role == null) {
            throw new IllegalArgumentException("name and role must not be null");
        }
        suspended = Set.copyOf(suspended == null ? Set.of() : suspended);
        volumes = List.copyOf(volumes == null ? List.of() : volumes);
        peers = List.copyOf(peers == null ? List.of() : peers);
    }

    public boolean isPrimary() {
        return role == Role.PRIMARY;
    }

    /** True when at least one volume exists and every volume has quorum. */
    public boolean quorate() {
        return !volumes.isEmpty() && volumes.stream().allMatch(VolumeView::quorum);
    }

    /** True when some volume reports {@code quorum:no}. */
    public boolean quorumLost() {
        return volumes.stream().anyMatch(v -> !v.quorum());
    }

    /** Some connected peer is Primary. */
    public boolean peerPrimary() {
        return peers.stream().anyMatch(p -> p.connection() == ConnState.CONNECTED && p.role() == Role.PRIMARY);
    }

    /** The worst local volume's disk penalty in seconds (6 when there are no volumes). */
    public int diskPenaltySeconds() {
        return volumes.stream().mapToInt(v -> Disks.penaltySeconds(v.disk())).max().orElse(6);
    }
}
