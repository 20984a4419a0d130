package io.reactord.events2;

/**
 * Canonical instances of the words events2 prints over and over (keys and state values), found by
 * region lookup so that parsing a line does not allocate a new String for each of them. Words not in
 * the table are copied out as usual.
 */
final class Words {
    private static final String[] WORDS = {
        "name", "volume", "minor", "peer-node-id", "conn-name", "local", "peer", "new_name", "helper", "status",
        "role", "suspended", "force-io-failures", "write-ordering", "may_promote", "promotion_score",
        "backing_dev", "disk", "client", "open", "quorum", "size", "read", "written", "al-writes", "bm-writes",
        "upper-pending", "lower-pending", "al-suspended", "blocked", "connection", "congested", "ap-in-flight",
        "rs-in-flight", "replication", "peer-disk", "peer-client", "resync-suspended", "done", "received", "sent",
        "out-of-sync", "pending", "unacked", "dbdt1", "eta", "rs-total", "rs-dt-start-ms", "rs-paused-ms",
        "rs-dt0-ms", "rs-db0-sectors", "rs-dt1-ms", "rs-db1-sectors", "rs-failed", "rs-same-csum", "want", "dbdt",
        "dbdt0", "established", "yes", "no", "unknown", "none", "flush", "drain", "barrier", "upper", "lower",
        "Primary", "Secondary", "Unknown", "Diskless", "Attaching", "Detaching", "Failed", "Negotiating",
        "Inconsistent", "Outdated", "DUnknown", "Consistent", "UpToDate", "StandAlone", "Disconnecting",
        "Unconnected", "Timeout", "BrokenPipe", "NetworkFailure", "ProtocolError", "TearDown", "Connecting",
        "Connected", "Off", "Established", "StartingSyncS", "StartingSyncT", "WFBitMapS", "WFBitMapT",
        "WFSyncUUID", "SyncSource", "SyncTarget", "VerifyS", "VerifyT", "PausedSyncS", "PausedSyncT", "Ahead",
        "Behind", "0", "1", "exists", "create", "change", "destroy", "call", "response", "rename", "resource",
        "device", "peer-device", "path", "-",
    };
    private static final int MASK = 511;
    private static final String[] TABLE = new String[MASK + 1];

    static {
        for (String w : WORDS) {
            int i = w.hashCode() & MASK;
            while (TABLE[i] != null) {
                i = (i + 1) & MASK;
            }
            TABLE[i] = w;
        }
    }

    private Words() {}

    /** {@code s.substring(from, to)}, or the canonical instance when it is a known word. */
    static String of(String s, int from, int to) {
        int len = to - from;
        if (len > 20 || len > 1 && Character.isDigit(s.charAt(from))) {
            return s.substring(from, to); // long words and numbers are never in the table
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        for (int i = h & MASK; ; i = (i + 1) & MASK) {
            String w = TABLE[i];
            if (w == null) {
                return s.substring(from, to);
            }
            if (w.length() == len && s.regionMatches(from, w, 0, len)) {
                return w;
            }
        }
    }
}
