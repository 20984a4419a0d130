package io.reactord.events2;

/** A local volume of a resource ({@code device} lines). Null fields were never printed. */
public record DeviceInfo(int volume, Integer minor, String backingDev, DiskState disk, TriState client,
        TriState open, Boolean quorum, Attrs stats) {

    static DeviceInfo empty(int volume) {
        return new DeviceInfo(volume, null, null, null, null, null, null, Attrs.EMPTY);
    }

    DeviceInfo withStats(Attrs s) {
        return new DeviceInfo(volume, minor, backingDev, disk, client, open, quorum, s);
    }
}
