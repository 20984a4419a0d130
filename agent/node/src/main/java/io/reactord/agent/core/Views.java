package io.reactord.agent.core;

import io.reactord.agent.promoter.ConnState;
import io.reactord.events2.DiskState;
import io.reactord.agent.promoter.PeerView;
import io.reactord.agent.promoter.ResourceView;
import io.reactord.events2.Role;
import io.reactord.agent.promoter.VolumeView;
import io.reactord.events2.ConnectionInfo;
import io.reactord.events2.DeviceInfo;
import io.reactord.events2.PeerDeviceInfo;
import io.reactord.events2.ResourceInfo;
import io.reactord.events2.TriState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps the parser's {@link ResourceInfo} onto the promoter's {@link ResourceView}. */
public final class Views {
    private Views() {}

    /** The view of a resource that does not exist (destroyed, or absent from the dump). */
    public static ResourceView absent(String name) {
        return new ResourceView(name, Role.UNKNOWN, false, 0, Set.of(), false, List.of(), List.of());
    }

    /**
     * The promoter's view of {@code r}. Keys never printed are read conservatively: no {@code
     * may_promote} is "no"; an unknown disk is DUnknown; a missing {@code quorum} (drbd-utils older
     * than 9.2) counts as quorate, as DRBD itself then has no quorum notion.
     */
    public static ResourceView of(ResourceInfo r) {
        List<VolumeView> vols = new ArrayList<>(r.devices().size());
        for (DeviceInfo d : r.devices().values()) {
            vols.add(new VolumeView(d.volume(), disk(d.disk()), !Boolean.FALSE.equals(d.quorum()),
                    d.open() == TriState.YES, d.client() == TriState.YES));
        }
        List<PeerView> peers = new ArrayList<>(r.connections().size());
        for (ConnectionInfo c : r.connections().values()) {
            Map<Integer, DiskState> disks = new HashMap<>();
            for (PeerDeviceInfo pd : c.peerDevices().values()) {
                disks.put(pd.volume(), disk(pd.peerDisk()));
            }
            String name = c.connName() == null ? "node-" + c.peerNodeId() : c.connName();
            peers.add(new PeerView(name, conn(c), role(c.peerRole()), disks));
        }
        return new ResourceView(r.name(), role(r.role()), Boolean.TRUE.equals(r.mayPromote()),
                r.promotionScore() == null ? 0 : r.promotionScore(),
                r.suspended() == null ? Set.of() : Set.copyOf(r.suspended()),
                r.forceIoFailures() == TriState.YES, vols, peers);
    }

    static Role role(Role r) {
        return r == null ? Role.UNKNOWN : r;
    }

    static DiskState disk(DiskState d) {
        return d == null ? DiskState.DUNKNOWN : d;
    }

    static ConnState conn(ConnectionInfo c) {
        if (c.connection() == null) {
            return ConnState.UNKNOWN;
        }
        switch (c.connection()) {
            case STAND_ALONE:
                return ConnState.STANDALONE;
            default:
                return ConnState.valueOf(c.connection().name());
        }
    }
}
