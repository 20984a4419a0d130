package io.reactord.agent.promoter;

import io.reactord.events2.DiskState;
import io.reactord.events2.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds {@link ResourceView}s for tests: one volume, peers bravo and charlie by default. */
final class Views {
    private String name = "r0";
    private Role role = Role.SECONDARY;
    private boolean mayPromote;
    private boolean quorum = true;
    private DiskState disk = DiskState.UP_TO_DATE;
    private boolean forceIo;
    private final List<PeerView> peers = new ArrayList<>();

    static Views of() {
        Views v = new Views();
        v.peer("bravo", ConnState.CONNECTED, Role.SECONDARY, DiskState.UP_TO_DATE);
        v.peer("charlie", ConnState.CONNECTED, Role.SECONDARY, DiskState.UP_TO_DATE);
        return v;
    }

    /** Secondary, may_promote yes, all UpToDate. */
    static ResourceView promotable() {
        return of().mayPromote(true).build();
    }

    /** Secondary, may_promote no, a peer is Primary. */
    static ResourceView peerPrimary() {
        return of().peerRole("bravo", Role.PRIMARY).build();
    }

    /** Primary, quorate, all UpToDate. */
    static ResourceView primary() {
        return of().role(Role.PRIMARY).build();
    }

    Views role(Role r) {
        role = r;
        return this;
    }

    Views mayPromote(boolean b) {
        mayPromote = b;
        return this;
    }

    Views quorum(boolean q) {
        quorum = q;
        return this;
    }

    Views disk(DiskState d) {
        disk = d;
        return this;
    }

    Views forceIo(boolean b) {
        forceIo = b;
        return this;
    }

    Views peer(String n, ConnState c, Role r, DiskState d) {
        peers.removeIf(p -> p.name().equals(n));
        peers.add(new PeerView(n, c, r, Map.of(0, d)));
        return this;
    }

    Views peerRole(String n, Role r) {
        PeerView p = peers.stream().filter(x -> x.name().equals(n)).findFirst().orElseThrow();
        return peer(n, p.connection(), r, p.disks().get(0));
    }

    Views peerDisk(String n, DiskState d) {
        PeerView p = peers.stream().filter(x -> x.name().equals(n)).findFirst().orElseThrow();
        return peer(n, p.connection(), p.role(), d);
    }

    Views peerLost(String n) {
        return peer(n, ConnState.CONNECTING, Role.UNKNOWN, DiskState.DUNKNOWN);
    }

    ResourceView build() {
        return new ResourceView(name, role, mayPromote, mayPromote ? 10103 : 0, quorum ? Set.of() : Set.of("quorum"),
                forceIo, List.of(new VolumeView(0, disk, quorum, role == Role.PRIMARY, false)), peers);
    }
}
