package io.reactord.events2;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Canonical instances of the words events2 prints over and over (actions, objects, keys and state
 * values), found by region lookup so that parsing a line does not allocate a new String for each of
 * them. Words not in the table are copied out as usual.
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
    private static final int MAX_LENGTH = 20;
    private static final int MASK = 511;
    private static final String[] TABLE = new String[MASK + 1];
    private static final byte[][] CHARS = new byte[MASK + 1][];
    /** The words' bytes as little-endian longs, the last one zero-padded: compared eight bytes at a time. */
    private static final long[][] LONGS = new long[MASK + 1][];
    private static final VarHandle LONG_VIEW = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (String w : WORDS) {
            byte[] c = w.getBytes(StandardCharsets.ISO_8859_1);
            int i = hash(c, 0, c.length) & MASK;
            while (TABLE[i] != null) {
                i = (i + 1) & MASK;
            }
            TABLE[i] = w;
            CHARS[i] = c;
            long[] l = new long[(c.length + 7) / 8];
            for (int j = 0; j < c.length; j++) {
                l[j >> 3] |= (c[j] & 0xffL) << ((j & 7) << 3);
            }
            LONGS[i] = l;
        }
    }

    private Words() {}

    /** Length and three characters: enough to spread the table, without a loop over the word. */
    private static int hash(byte[] c, int from, int to) {
        int len = to - from;
        int h = ((len * 31 + c[from]) * 31 + c[from + (len >> 1)]) * 31 + c[to - 1];
        return h ^ (h >>> 9);
    }

    /** {@code c[from, to)} decoded ({@link Text#of}), or the canonical instance when it is a known word. */
    static String of(byte[] c, int from, int to) {
        int len = to - from;
        if (len == 0) {
            return "";
        }
        if (len > MAX_LENGTH || len > 1 && c[from] >= '0' && c[from] <= '9') {
            return Text.of(c, from, to); // long words and numbers are never in the table
        }
        for (int i = hash(c, from, to) & MASK; ; i = (i + 1) & MASK) {
            byte[] w = CHARS[i];
            if (w == null) {
                return Text.of(c, from, to);
            }
            if (w.length == len && matches(LONGS[i], len, c, from)) {
                return TABLE[i];
            }
        }
    }

    private static boolean matches(long[] w, int len, byte[] c, int from) {
        for (int k = 0, off = from; k < w.length; k++, off += 8) {
            int rem = len - (k << 3);
            long v;
            if (off + 8 <= c.length) {
                v = (long) LONG_VIEW.get(c, off);
                if (rem < 8) {
                    v &= (1L << (rem << 3)) - 1;
                }
            } else {
                v = 0;
                for (int j = 0; j < rem && j < 8; j++) {
                    v |= (c[off + j] & 0xffL) << (j << 3);
                }
            }
            if (v != w[k]) {
                return false;
            }
        }
        return true;
    }
}
