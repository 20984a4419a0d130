package io.reactord.events2;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Builds one event record per object kind from a line's pairs. Identifying keys must parse or the line
 * is {@link Event.Unparsed}; a state value that does not parse is kept in {@code other} and its field
 * stays null (absent), so a bad value never overwrites good state.
 */
final class ObjectParsers {
    private ObjectParsers() {}

    /** Collects the pairs not consumed by a record field. */
    private static final class Other {
        private final String[] kv;
        private int n;

        Other(int capacity) {
            kv = new String[capacity * 2];
        }

        void add(String k, String v) {
            kv[2 * n] = k;
            kv[2 * n + 1] = v;
            n++;
        }

        Attrs attrs() {
            return Attrs.adopt(kv, n);
        }
    }

    static Event resource(String ts, Action action, Pairs p) {
        Role role = null;
        List<String> suspended = null;
        TriState forceIo = null;
        String writeOrdering = null;
        Boolean mayPromote = null;
        Integer score = null;
        Other o = new Other(p.size);
        for (int i = 0; i < p.size; i++) {
            String k = p.keys[i];
            String v = state(p.values[i]);
            switch (k) {
                case "name": continue;
                case "role": role = Role.of(v); if (role == null) { o.add(k, v); } break;
                case "suspended": suspended = flags(v); break;
                case "force-io-failures": forceIo = TriState.of(v); if (forceIo == null) { o.add(k, v); } break;
                case "write-ordering": writeOrdering = v; break;
                case "may_promote": mayPromote = yesNo(v); if (mayPromote == null) { o.add(k, v); } break;
                case "promotion_score": score = nonNegative(v); if (score == null) { o.add(k, v); } break;
                default: o.add(k, p.values[i]);
            }
        }
        return new Event.Resource(ts, action, p.get("name"), role, suspended, forceIo, writeOrdering, mayPromote,
                score, o.attrs());
    }

    static Event rename(String ts, String line, Pairs p) {
        String newName = p.get("new_name");
        if (newName == null || newName.isEmpty()) {
            return Events2Parser.unparsed(ts, line, "rename without new_name");
        }
        Other o = new Other(p.size);
        for (int i = 0; i < p.size; i++) {
            if (!p.keys[i].equals("name") && !p.keys[i].equals("new_name")) {
                o.add(p.keys[i], p.values[i]);
            }
        }
        return new Event.Rename(ts, p.get("name"), newName, o.attrs());
    }

    static Event device(String ts, Action action, String line, Pairs p) {
        Integer volume = nonNegative(p.get("volume"));
        if (volume == null) {
            return Events2Parser.unparsed(ts, line, "device line without a valid volume");
        }
        Integer minor = null;
        String backing = null;
        DiskState disk = null;
        TriState client = null;
        TriState open = null;
        Boolean quorum = null;
        Other o = new Other(p.size);
        for (int i = 0; i < p.size; i++) {
            String k = p.keys[i];
            String v = state(p.values[i]);
            switch (k) {
                case "name": case "volume": continue;
                case "minor": minor = nonNegative(v); if (minor == null) { o.add(k, v); } break;
                case "backing_dev": backing = v; break;
                case "disk": disk = DiskState.of(v); if (disk == null) { o.add(k, v); } break;
                case "client": client = TriState.of(v); if (client == null) { o.add(k, v); } break;
                case "open": open = TriState.of(v); if (open == null) { o.add(k, v); } break;
                case "quorum": quorum = yesNo(v); if (quorum == null) { o.add(k, v); } break;
                default: o.add(k, p.values[i]);
            }
        }
        return new Event.Device(ts, action, p.get("name"), volume, minor, backing, disk, client, open, quorum,
                o.attrs());
    }

    static Event connection(String ts, Action action, String line, Pairs p) {
        Integer peer = nonNegative(p.get("peer-node-id"));
        if (peer == null) {
            return Events2Parser.unparsed(ts, line, "connection line without a valid peer-node-id");
        }
        ConnectionState cs = null;
        Role role = null;
        Other o = new Other(p.size);
        for (int i = 0; i < p.size; i++) {
            String k = p.keys[i];
            String v = state(p.values[i]);
            switch (k) {
                case "name": case "peer-node-id": case "conn-name": continue;
                case "connection": cs = ConnectionState.of(v); if (cs == null) { o.add(k, v); } break;
                case "role": role = Role.of(v); if (role == null) { o.add(k, v); } break;
                default: o.add(k, p.values[i]);
            }
        }
        return new Event.Connection(ts, action, p.get("name"), peer, p.get("conn-name"), cs, role, o.attrs());
    }

    static Event peerDevice(String ts, Action action, String line, Pairs p) {
        Integer peer = nonNegative(p.get("peer-node-id"));
        Integer volume = nonNegative(p.get("volume"));
        if (peer == null || volume == null) {
            return Events2Parser.unparsed(ts, line, "peer-device line without a valid peer-node-id and volume");
        }
        ReplicationState repl = null;
        DiskState peerDisk = null;
        TriState peerClient = null;
        List<String> resyncSuspended = null;
        String done = null;
        Other o = new Other(p.size);
        for (int i = 0; i < p.size; i++) {
            String k = p.keys[i];
            String v = state(p.values[i]);
            switch (k) {
                case "name": case "peer-node-id": case "conn-name": case "volume": continue;
                case "replication": repl = ReplicationState.of(v); if (repl == null) { o.add(k, v); } break;
                case "peer-disk": peerDisk = DiskState.of(v); if (peerDisk == null) { o.add(k, v); } break;
                case "peer-client": peerClient = TriState.of(v); if (peerClient == null) { o.add(k, v); } break;
                case "resync-suspended": resyncSuspended = flags(v); break;
                case "done": done = v; break;
                default: o.add(k, p.values[i]);
            }
        }
        return new Event.PeerDevice(ts, action, p.get("name"), peer, p.get("conn-name"), volume, repl, peerDisk,
                peerClient, resyncSuspended, done, o.attrs());
    }

    static Event path(String ts, Action action, String line, Pairs p) {
        Integer peer = nonNegative(p.get("peer-node-id"));
        String local = p.get("local");
        String remote = p.get("peer");
        if (peer == null || local == null || remote == null) {
            return Events2Parser.unparsed(ts, line, "path line without peer-node-id, local and peer");
        }
        Boolean established = null;
        Other o = new Other(p.size);
        for (int i = 0; i < p.size; i++) {
            String k = p.keys[i];
            switch (k) {
                case "name": case "peer-node-id": case "conn-name": case "local": case "peer": continue;
                case "established":
                    established = yesNo(state(p.values[i]));
                    if (established == null) {
                        o.add(k, p.values[i]);
                    }
                    break;
                default: o.add(k, p.values[i]);
            }
        }
        return new Event.Path(ts, action, p.get("name"), peer, p.get("conn-name"), local, remote, established,
                o.attrs());
    }

    static Event helper(String ts, Action action, String line, Pairs p) {
        String helper = p.get("helper");
        if (helper == null || helper.isEmpty()) {
            return Events2Parser.unparsed(ts, line, "helper line without helper:");
        }
        Integer status = null;
        Other o = new Other(p.size);
        for (int i = 0; i < p.size; i++) {
            String k = p.keys[i];
            switch (k) {
                case "name": case "peer-node-id": case "conn-name": case "local": case "peer": case "volume":
                case "minor": case "helper":
                    continue;
                case "status":
                    status = integer(p.values[i]);
                    if (status == null) {
                        o.add(k, p.values[i]);
                    }
                    break;
                default: o.add(k, p.values[i]);
            }
        }
        return new Event.Helper(ts, action, p.get("name"), nonNegative(p.get("peer-node-id")), p.get("conn-name"),
                p.get("local"), p.get("peer"), nonNegative(p.get("volume")), nonNegative(p.get("minor")), helper,
                status, o.attrs());
    }

    /** With {@code --diff} a state value is {@code old->new}; the new value is what counts. */
    static String state(String v) {
        int arrow = v.indexOf("->");
        return arrow < 0 ? v : v.substring(arrow + 2);
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

    /** A decimal int ≥ 0 without sign or overflow, else null. */
    static Integer nonNegative(String v) {
        if (v == null || v.isEmpty() || v.length() > 10) {
            return null;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        return n > Integer.MAX_VALUE ? null : (int) n;
    }

    /** A decimal int, possibly negative, else null. */
    static Integer integer(String v) {
        if (v != null && v.startsWith("-")) {
            Integer n = nonNegative(v.substring(1));
            return n == null ? null : -n;
        }
        return nonNegative(v);
    }
}
