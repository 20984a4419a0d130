package io.reactord.events2;

import java.util.List;

/** A peer's volume as seen over a connection ({@code peer-device} lines). */
public record PeerDeviceInfo(int volume, ReplicationState replication, DiskState peerDisk, TriState peerClient,
        List<String> resyncSuspended, String done, Attrs stats) {

    static PeerDeviceInfo empty(int volume) {
        return new PeerDeviceInfo(volume, null, null, null, null, null, Attrs.EMPTY);
    }

    PeerDeviceInfo withStats(Attrs s) {
        return new PeerDeviceInfo(volume, replication, peerDisk, peerClient, resyncSuspended, done, s);
    }
}
