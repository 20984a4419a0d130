package io.reactord.events2;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Builds one event record per object kind from a line's pairs. Identifying keys must parse or the line
 * is {@link Event.Unparsed}; a state value that does not parse is kept in {@code other} and its field
 * stays null (absent), so a bad value never overwrites good state. Identifying values are read before
 * the loop over the pairs, which compacts the pairs it does not consume into {@code other}.
 *
 * <p>The loops switch on the keys' int ids ({@link Keys}); each state value is read by a small shared
 * method, so the per-object methods stay small enough for the JIT to compile quickly.
 */
final class ObjectParsers {
    private ObjectParsers() {}

    static Event resource(String ts, Action action, String name, Pairs p) {
        Role role = null;
        List<String> suspended = null;
        TriState forceIo = null;
        String writeOrdering = null;
        Boolean mayPromote = null;
        Integer score = null;
        for (int i = 0; i < p.size; i++) {
            switch (p.id(i)) {
                case Keys.NAME: continue;
                case Keys.ROLE: role = role(p, i); break;
                case Keys.SUSPENDED: suspended = flags(p.state(i)); break;
                case Keys.FORCE_IO_FAILURES: forceIo = triState(p, i); break;
                case Keys.WRITE_ORDERING: writeOrdering = p.state(i); break;
                case Keys.MAY_PROMOTE: mayPromote = yesNoState(p, i); break;
                case Keys.PROMOTION_SCORE: score = stateNumber(p, i); break;
                default: p.keep(i);
            }
        }
        return new Event.Resource(ts, action, name, role, suspended, forceIo, writeOrdering, mayPromote, score,
                p.attrs());
    }

    static Event rename(String ts, Events2Parser.Src line, String name, Pairs p) {
        int ni = p.indexOfId(Keys.NEW_NAME);
        String newName = ni < 0 ? null : p.exactValue(ni);
        if (newName == null || newName.isEmpty()) {
            return Events2Parser.unparsed(ts, line, ni >= 0 && newName == null
                    ? "new_name is not valid UTF-8" : "rename without new_name");
        }
        for (int i = 0; i < p.size; i++) {
            int id = p.id(i);
            if (id != Keys.NAME && id != Keys.NEW_NAME) {
                p.keep(i);
            }
        }
        return new Event.Rename(ts, name, newName, p.attrs());
    }

    static Event device(String ts, Action action, Events2Parser.Src line, String name, Pairs p) {
        Integer volume = p.numberOf(Keys.VOLUME);
        if (volume == null) {
            return Events2Parser.unparsed(ts, line, "device line without a valid volume");
        }
        Integer minor = null;
        String backing = null;
        DiskState disk = null;
        TriState client = null;
        TriState open = null;
        Boolean quorum = null;
        for (int i = 0; i < p.size; i++) {
            switch (p.id(i)) {
                case Keys.NAME: case Keys.VOLUME: continue;
                case Keys.MINOR: minor = stateNumber(p, i); break;
                case Keys.BACKING_DEV: backing = p.state(i); break;
                case Keys.DISK: disk = disk(p, i); break;
                case Keys.CLIENT: client = triState(p, i); break;
                case Keys.OPEN: open = triState(p, i); break;
                case Keys.QUORUM: quorum = yesNoState(p, i); break;
                default: p.keep(i);
            }
        }
        return new Event.Device(ts, action, name, volume, minor, backing, disk, client, open, quorum, p.attrs());
    }

    static Event connection(String ts, Action action, Events2Parser.Src line, String name, Pairs p) {
        Integer peer = p.numberOf(Keys.PEER_NODE_ID);
        if (peer == null) {
            return Events2Parser.unparsed(ts, line, "connection line without a valid peer-node-id");
        }
        String connName = p.nameOf(Keys.CONN_NAME);
        ConnectionState cs = null;
        Role role = null;
        for (int i = 0; i < p.size; i++) {
            switch (p.id(i)) {
                case Keys.NAME: case Keys.PEER_NODE_ID: case Keys.CONN_NAME: continue;
                case Keys.CONNECTION: cs = connectionState(p, i); break;
                case Keys.ROLE: role = role(p, i); break;
                default: p.keep(i);
            }
        }
        return new Event.Connection(ts, action, name, peer, connName, cs, role, p.attrs());
    }

    static Event peerDevice(String ts, Action action, Events2Parser.Src line, String name, Pairs p) {
        Integer peer = p.numberOf(Keys.PEER_NODE_ID);
        Integer volume = p.numberOf(Keys.VOLUME);
        if (peer == null || volume == null) {
            return Events2Parser.unparsed(ts, line, "peer-device line without a valid peer-node-id and volume");
        }
        String connName = p.nameOf(Keys.CONN_NAME);
        ReplicationState repl = null;
        DiskState peerDisk = null;
        TriState peerClient = null;
        List<String> resyncSuspended = null;
        String done = null;
        for (int i = 0; i < p.size; i++) {
            switch (p.id(i)) {
                case Keys.NAME: case Keys.PEER_NODE_ID: case Keys.CONN_NAME: case Keys.VOLUME: continue;
                case Keys.REPLICATION: repl = replication(p, i); break;
                case Keys.PEER_DISK: peerDisk = disk(p, i); break;
                case Keys.PEER_CLIENT: peerClient = triState(p, i); break;
                case Keys.RESYNC_SUSPENDED: resyncSuspended = flags(p.state(i)); break;
                case Keys.DONE: done = p.state(i); break;
                default: p.keep(i);
            }
        }
        return new Event.PeerDevice(ts, action, name, peer, connName, volume, repl, peerDisk, peerClient,
                resyncSuspended, done, p.attrs());
    }

    static Event path(String ts, Action action, Events2Parser.Src line, String name, Pairs p) {
        Integer peer = p.numberOf(Keys.PEER_NODE_ID);
        String local = p.getOf(Keys.LOCAL);
        String remote = p.getOf(Keys.PEER);
        if (peer == null || local == null || remote == null) {
            return Events2Parser.unparsed(ts, line, "path line without peer-node-id, local and peer");
        }
        String connName = p.nameOf(Keys.CONN_NAME);
        Boolean established = null;
        for (int i = 0; i < p.size; i++) {
            switch (p.id(i)) {
                case Keys.NAME: case Keys.PEER_NODE_ID: case Keys.CONN_NAME: case Keys.LOCAL: case Keys.PEER: continue;
                case Keys.ESTABLISHED: established = yesNo(p.state(i)); if (established == null) { p.keep(i); } break;
                default: p.keep(i);
            }
        }
        return new Event.Path(ts, action, name, peer, connName, local, remote, established, p.attrs());
    }

    static Event helper(String ts, Action action, Events2Parser.Src line, String name, Pairs p) {
        String helper = p.getOf(Keys.HELPER);
        if (helper == null || helper.isEmpty()) {
            return Events2Parser.unparsed(ts, line, "helper line without helper:");
        }
        Integer peer = p.numberOf(Keys.PEER_NODE_ID);
        String connName = p.nameOf(Keys.CONN_NAME);
        String local = p.getOf(Keys.LOCAL);
        String remote = p.getOf(Keys.PEER);
        Integer volume = p.numberOf(Keys.VOLUME);
        Integer minor = p.numberOf(Keys.MINOR);
        Integer status = null;
        for (int i = 0; i < p.size; i++) {
            switch (p.id(i)) {
                case Keys.NAME: case Keys.PEER_NODE_ID: case Keys.CONN_NAME: case Keys.LOCAL: case Keys.PEER:
                case Keys.VOLUME: case Keys.MINOR: case Keys.HELPER:
                    continue;
                case Keys.STATUS: status = p.integer(i); if (status == null) { p.keep(i); } break;
                default: p.keep(i);
            }
        }
        return new Event.Helper(ts, action, name, peer, connName, local, remote, volume, minor, helper, status,
                p.attrs());
    }

    // One small reader per state type: the value of pair i, or null with the pair kept (its state value).

    private static Role role(Pairs p, int i) {
        Role v = Role.of(p.state(i));
        if (v == null) {
            p.keepState(i);
        }
        return v;
    }

    private static DiskState disk(Pairs p, int i) {
        DiskState v = DiskState.of(p.state(i));
        if (v == null) {
            p.keepState(i);
        }
        return v;
    }

    private static TriState triState(Pairs p, int i) {
        TriState v = TriState.of(p.state(i));
        if (v == null) {
            p.keepState(i);
        }
        return v;
    }

    private static ConnectionState connectionState(Pairs p, int i) {
        ConnectionState v = ConnectionState.of(p.state(i));
        if (v == null) {
            p.keepState(i);
        }
        return v;
    }

    private static ReplicationState replication(Pairs p, int i) {
        ReplicationState v = ReplicationState.of(p.state(i));
        if (v == null) {
            p.keepState(i);
        }
        return v;
    }

    private static Boolean yesNoState(Pairs p, int i) {
        Boolean v = yesNo(p.state(i));
        if (v == null) {
            p.keepState(i);
        }
        return v;
    }

    private static Integer stateNumber(Pairs p, int i) {
        Integer v = p.stateNumber(i);
        if (v == null) {
            p.keepState(i);
        }
        return v;
    }

    /** {@code no} → empty; otherwise the comma list ({@code user,quorum}). */
    static List<String> flags(String v) {
        if (v.equals("no") || v.isEmpty()) {
            return Collections.emptyList();
        }
        return v.indexOf(',') < 0 ? List.of(v) : List.copyOf(Arrays.asList(v.split(",", -1)));
    }

    static Boolean yesNo(String v) {
        return v.equals("yes") ? Boolean.TRUE : v.equals("no") ? Boolean.FALSE : null;
    }
}
