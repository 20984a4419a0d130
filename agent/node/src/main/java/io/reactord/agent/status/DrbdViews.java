package io.reactord.agent.status;

import io.reactord.agent.control.status.StatusModel;
import io.reactord.events2.ConnectionInfo;
import io.reactord.events2.DeviceInfo;
import io.reactord.events2.PeerDeviceInfo;
import io.reactord.events2.ResourceInfo;
import java.util.ArrayList;
import java.util.List;

/** Turns the parser's {@link ResourceInfo} into the status report's DRBD view (names as drbdsetup prints them). */
final class DrbdViews {
    private DrbdViews() {}

    static StatusModel.Drbd of(ResourceInfo r) {
        List<String> disks = new ArrayList<>();
        Boolean quorum = r.devices().isEmpty() ? null : Boolean.TRUE;
        for (DeviceInfo d : r.devices().values()) {
            disks.add(d.volume() + ":" + (d.disk() == null ? "DUnknown" : d.disk().drbdName()));
            if (Boolean.FALSE.equals(d.quorum())) {
                quorum = Boolean.FALSE;
            } else if (d.quorum() == null && Boolean.TRUE.equals(quorum)) {
                quorum = null;
            }
        }
        List<StatusModel.Peer> peers = new ArrayList<>();
        for (ConnectionInfo c : r.connections().values()) {
            List<String> pd = new ArrayList<>();
            List<String> repl = new ArrayList<>();
            for (PeerDeviceInfo p : c.peerDevices().values()) {
                pd.add(p.volume() + ":" + (p.peerDisk() == null ? "DUnknown" : p.peerDisk().drbdName()));
                if (p.replication() != null && c.isConnected()) {
                    repl.add(p.volume() + ":" + p.replication().drbdName()
                            + (p.done() == null ? "" : " " + p.done() + "%"));
                }
            }
            String name = c.connName() == null ? "node-" + c.peerNodeId() : c.connName();
            peers.add(new StatusModel.Peer(name, c.peerNodeId(),
                    c.peerRole() == null ? "Unknown" : c.peerRole().drbdName(),
                    c.connection() == null ? "Unknown" : c.connection().drbdName(), pd, repl));
        }
        return new StatusModel.Drbd(r.role() == null ? "Unknown" : r.role().drbdName(), quorum, r.mayPromote(),
                r.suspended() == null ? List.of() : List.copyOf(r.suspended()), disks, peers);
    }
}
