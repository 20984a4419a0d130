package io.reactord.events2;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Builds one event record per object kind from a line's pairs. Identifying keys must parse or the line
 * is {@link Event.Unparsed}; a state value that does not parse is kept in {@code other} and its field
 * stays null (absent), so a bad value never overwrites good state. Identifying values are read before
 * the loop over the pairs, which compacts the pairs it does not consume into {@code other}.
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
            switch (p.key(i)) {
                case "name": continue;
                case "role": role = Role.of(p.state(i)); if (role == null) { p.keepState(i); } break;
                case "suspended": suspended = flags(p.state(i)); break;
                case "force-io-failures": forceIo = TriState.of(p.state(i)); if (forceIo == null) { p.keepState(i); } break;
                case "write-ordering": writeOrdering = p.state(i); break;
                case "may_promote": mayPromote = yesNo(p.state(i)); if (mayPromote == null) { p.keepState(i); } break;
                case "promotion_score": score = p.stateNumber(i); if (score == null) { p.keepState(i); } break;
                default: p.keep(i);
            }
        }
        return new Event.Resource(ts, action, name, role, suspended, forceIo, writeOrdering, mayPromote, score,
                p.attrs());
    }

    static Event rename(String ts, Events2Parser.Src line, String name, Pairs p) {
        String newName = p.getExact("new_name");
        if (newName == null || newName.isEmpty()) {
            return Events2Parser.unparsed(ts, line, p.has("new_name") && newName == null
                    ? "new_name is not valid UTF-8" : "rename without new_name");
        }
        for (int i = 0; i < p.size; i++) {
            if (!p.key(i).equals("name") && !p.key(i).equals("new_name")) {
                p.keep(i);
            }
        }
        return new Event.Rename(ts, name, newName, p.attrs());
    }

    static Event device(String ts, Action action, Events2Parser.Src line, String name, Pairs p) {
        Integer volume = p.number("volume");
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
            switch (p.key(i)) {
                case "name": case "volume": continue;
                case "minor": minor = p.stateNumber(i); if (minor == null) { p.keepState(i); } break;
                case "backing_dev": backing = p.state(i); break;
                case "disk": disk = DiskState.of(p.state(i)); if (disk == null) { p.keepState(i); } break;
                case "client": client = TriState.of(p.state(i)); if (client == null) { p.keepState(i); } break;
                case "open": open = TriState.of(p.state(i)); if (open == null) { p.keepState(i); } break;
                case "quorum": quorum = yesNo(p.state(i)); if (quorum == null) { p.keepState(i); } break;
                default: p.keep(i);
            }
        }
        return new Event.Device(ts, action, name, volume, minor, backing, disk, client, open, quorum, p.attrs());
    }

    static Event connection(String ts, Action action, Events2Parser.Src line, String name, Pairs p) {
        Integer peer = p.number("peer-node-id");
        if (peer == null) {
            return Events2Parser.unparsed(ts, line, "connection line without a valid peer-node-id");
        }
        String connName = p.get("conn-name");
        ConnectionState cs = null;
        Role role = null;
        for (int i = 0; i < p.size; i++) {
            switch (p.key(i)) {
                case "name": case "peer-node-id": case "conn-name": continue;
                case "connection": cs = ConnectionState.of(p.state(i)); if (cs == null) { p.keepState(i); } break;
                case "role": role = Role.of(p.state(i)); if (role == null) { p.keepState(i); } break;
                default: p.keep(i);
            }
        }
        return new Event.Connection(ts, action, name, peer, connName, cs, role, p.attrs());
    }

    static Event peerDevice(String ts, Action action, Events2Parser.Src line, String name, Pairs p) {
        Integer peer = p.number("peer-node-id");
        Integer volume = p.number("volume");
        if (peer == null || volume == null) {
            return Events2Parser.unparsed(ts, line, "peer-device line without a valid peer-node-id and volume");
        }
        String connName = p.get("conn-name");
        ReplicationState repl = null;
        DiskState peerDisk = null;
        TriState peerClient = null;
        List<String> resyncSuspended = null;
        String done = null;
        for (int i = 0; i < p.size; i++) {
            switch (p.key(i)) {
                case "name": case "peer-node-id": case "conn-name": case "volume": continue;
                case "replication": repl = ReplicationState.of(p.state(i)); if (repl == null) { p.keepState(i); } break;
                case "peer-disk": peerDisk = DiskState.of(p.state(i)); if (peerDisk == null) { p.keepState(i); } break;
                case "peer-client":
                    peerClient = TriState.of(p.state(i));
                    if (peerClient == null) {
                        p.keepState(i);
                    }
                    break;
                case "resync-suspended": resyncSuspended = flags(p.state(i)); break;
                case "done": done = p.state(i); break;
                default: p.keep(i);
            }
        }
        return new Event.PeerDevice(ts, action, name, peer, connName, volume, repl, peerDisk, peerClient,
                resyncSuspended, done, p.attrs());
    }

    static Event path(String ts, Action action, Events2Parser.Src line, String name, Pairs p) {
        Integer peer = p.number("peer-node-id");
        String local = p.get("local");
        String remote = p.get("peer");
        if (peer == null || local == null || remote == null) {
            return Events2Parser.unparsed(ts, line, "path line without peer-node-id, local and peer");
        }
        String connName = p.get("conn-name");
        Boolean established = null;
        for (int i = 0; i < p.size; i++) {
            switch (p.key(i)) {
                case "name": case "peer-node-id": case "conn-name": case "local": case "peer": continue;
                case "established": established = yesNo(p.state(i)); if (established == null) { p.keep(i); } break;
                default: p.keep(i);
            }
        }
        return new Event.Path(ts, action, name, peer, connName, local, remote, established, p.attrs());
    }

    static Event helper(String ts, Action action, Events2Parser.Src line, String name, Pairs p) {
        String helper = p.get("helper");
        if (helper == null || helper.isEmpty()) {
            return Events2Parser.unparsed(ts, line, "helper line without helper:");
        }
        Integer peer = p.number("peer-node-id");
        String connName = p.get("conn-name");
        String local = p.get("local");
        String remote = p.get("peer");
        Integer volume = p.number("volume");
        Integer minor = p.number("minor");
        Integer status = null;
        for (int i = 0; i < p.size; i++) {
            switch (p.key(i)) {
                case "name": case "peer-node-id": case "conn-name": case "local": case "peer": case "volume":
                case "minor": case "helper":
                    continue;
                case "status": status = p.integer(i); if (status == null) { p.keep(i); } break;
                default: p.keep(i);
            }
        }
        return new Event.Helper(ts, action, name, peer, connName, local, remote, volume, minor, helper, status,
                p.attrs());
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
