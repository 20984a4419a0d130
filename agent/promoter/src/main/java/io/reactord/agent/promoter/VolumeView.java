package io.reactord.agent.promoter;

import io.reactord.events2.DiskState;

/**
 * One local DRBD volume (device) of a resource.
 *
 * @param volume volume number
 * @param disk local disk state
 * @param quorum whether this volume has quorum (always true with quorum off)
 * @param open whether someone has the device open (false when unknown)
 * @param client whether this node is an intentionally diskless client for the volume
 */
public record VolumeView(int volume, DiskState disk, boolean quorum, boolean open, boolean client) {
    public VolumeView {
        if (disk == null) {
            throw new IllegalArgumentException("disk must not be null");
        }
    }
}
