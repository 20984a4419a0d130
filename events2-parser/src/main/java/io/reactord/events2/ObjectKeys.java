package io.reactord.events2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Identity of every object in the tree, for repeated-dump bookkeeping. */
final class ObjectKeys {
    private ObjectKeys() {}

    /** Kinds in destroy order: children first. */
    enum Kind { PATH, PEER_DEVICE, CONNECTION, DEVICE, RESOURCE }

    record Key(Kind kind, String name, int peer, int volume, String local, String remote) {}

    static Key resource(String name) {
        return new Key(Kind.RESOURCE, name, -1, -1, null, null);
    }

    static Key device(String name, int volume) {
        return new Key(Kind.DEVICE, name, -1, volume, null, null);
    }

    static Key connection(String name, int peer) {
        return new Key(Kind.CONNECTION, name, peer, -1, null, null);
    }

    static Key peerDevice(String name, int peer, int volume) {
        return new Key(Kind.PEER_DEVICE, name, peer, volume, null, null);
    }

    static Key path(String name, int peer, String local, String remote) {
        return new Key(Kind.PATH, name, peer, -1, local, remote);
    }

    static void addAll(ResourceInfo r, Collection<Key> out) {
        out.add(resource(r.name()));
        for (DeviceInfo d : r.devices().values()) {
            out.add(device(r.name(), d.volume()));
        }
        for (ConnectionInfo c : r.connections().values()) {
            out.add(connection(r.name(), c.peerNodeId()));
            for (PeerDeviceInfo pd : c.peerDevices().values()) {
                out.add(peerDevice(r.name(), c.peerNodeId(), pd.volume()));
            }
            for (PathInfo p : c.paths().values()) {
                out.add(path(r.name(), c.peerNodeId(), p.local(), p.peer()));
            }
        }
    }

    static List<Key> deepestFirst(Collection<Key> keys) {
        List<Key> l = new ArrayList<>(keys);
        l.sort(Comparator.comparing(Key::kind));
        return l;
    }

    static Key renamed(Key k, String from, String to) {
        return k.name().equals(from) ? new Key(k.kind(), to, k.peer(), k.volume(), k.local(), k.remote()) : k;
    }

    /** The {@code destroy} event that removes the object with this key. */
    static Event destroyEvent(Key k) {
        Action d = Action.DESTROY;
        switch (k.kind()) {
            case RESOURCE:
                return new Event.Resource(null, d, k.name(), null, null, null, null, null, null, Attrs.EMPTY);
            case DEVICE:
                return new Event.Device(null, d, k.name(), k.volume(), null, null, null, null, null, null, Attrs.EMPTY);
            case CONNECTION:
                return new Event.Connection(null, d, k.name(), k.peer(), null, null, null, Attrs.EMPTY);
            case PEER_DEVICE:
                return new Event.PeerDevice(null, d, k.name(), k.peer(), null, k.volume(), null, null, null, null,
                        null, Attrs.EMPTY);
            default:
                return new Event.Path(null, d, k.name(), k.peer(), null, k.local(), k.remote(), null, Attrs.EMPTY);
        }
    }
}
