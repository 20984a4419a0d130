package io.reactord.events2;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Canonical instances of the words events2 prints over and over (actions, objects, keys and state
 * values), found by region lookup so that parsing a line does not allocate a new String for each of
 * them: the word's first eight bytes, read as one long, pick the slot and settle most comparisons. Words
 * not in the table are copied out as usual.
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
    private static final int MAX_LENGTH = 24;
    private static final int MASK = 511;
    /** The number of slots: {@link #find} answers below it. */
    static final int SLOTS = MASK + 1;
    private static final String[] TABLE = new String[MASK + 1];
    /** Per slot the word's length (0: empty slot) and its bytes as little-endian longs, zero-padded. */
    private static final int[] LENGTHS = new int[MASK + 1];
    private static final long[] W0 = new long[MASK + 1];
    private static final long[] W1 = new long[MASK + 1];
    private static final long[] W2 = new long[MASK + 1];
    /** Per slot the word's index in {@link #WORDS} ({@link Keys}), or {@link Keys#OTHER} from 128 on. */
    private static final byte[] IDS = new byte[MASK + 1];
    private static final VarHandle LONG_VIEW = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int id = 0; id < WORDS.length; id++) {
            String w = WORDS[id];
            byte[] c = w.getBytes(StandardCharsets.ISO_8859_1);
            if (c.length > MAX_LENGTH) {
                throw new ExceptionInInitializerError("word too long for the table: " + w);
            }
            long first = word(c, 0, c.length);
            int i = slot(first, c.length);
            while (LENGTHS[i] != 0) {
                i = (i + 1) & MASK;
            }
            TABLE[i] = w;
            IDS[i] = id < 128 ? (byte) id : Keys.OTHER;
            LENGTHS[i] = c.length;
            W0[i] = first;
            W1[i] = c.length > 8 ? word(c, 8, c.length - 8) : 0;
            W2[i] = c.length > 16 ? word(c, 16, c.length - 16) : 0;
        }
        for (Object[] k : Keys.CHECK) {
            if (!WORDS[(Integer) k[0]].equals(k[1])) {
                throw new ExceptionInInitializerError("key id " + k[0] + " is not " + k[1]);
            }
        }
    }

    private Words() {}

    /** The first eight bytes (at most) and the length spread over the table. */
    private static int slot(long first, int len) {
        return (int) ((first + len) * 0x9E3779B97F4A7C15L >>> 55) & MASK;
    }

    /** {@code c[off, off + min(n, 8))} as a little-endian long, zero-padded; {@code n >= 1}. */
    private static long word(byte[] c, int off, int n) {
        if (off + 8 <= c.length) {
            long v = (long) LONG_VIEW.get(c, off);
            return n >= 8 ? v : v & (1L << (n << 3)) - 1;
        }
        long v = 0;
        for (int j = 0; j < n && j < 8; j++) {
            v |= (c[off + j] & 0xffL) << (j << 3);
        }
        return v;
    }

    /** {@code c[from, to)} decoded ({@link Text#of}), or the canonical instance when it is a known word. */
    static String of(byte[] c, int from, int to) {
        int s = find(c, from, to);
        return s < 0 ? Text.of(c, from, to) : TABLE[s];
    }

    /** The table slot of {@code c[from, to)}, or -1 when it is not a known word. */
    static int find(byte[] c, int from, int to) {
        int len = to - from;
        if (len == 0 || len > MAX_LENGTH || len > 1 && c[from] >= '0' && c[from] <= '9') {
            return -1; // long words and numbers are never in the table
        }
        long first = word(c, from, len);
        for (int i = slot(first, len); ; i = (i + 1) & MASK) {
            int l = LENGTHS[i];
            if (l == 0) {
                return -1;
            }
            if (l == len && W0[i] == first && (len <= 8 || rest(i, c, from, len))) {
                return i;
            }
        }
    }

    /** The slot of a word of the table (for constants); fails for any other word. */
    static int slotOf(String word) {
        byte[] c = word.getBytes(StandardCharsets.ISO_8859_1);
        int s = find(c, 0, c.length);
        if (s < 0) {
            throw new IllegalArgumentException("not a known word: " + word);
        }
        return s;
    }

    /** The length of the word in slot {@code s} of {@link #find}. */
    static int length(int s) {
        return LENGTHS[s];
    }

    /**
     * True when {@code c[from, from + length(s))} is the word in slot {@code s} (the caller checked that
     * the region lies inside {@code c}): a guessed word checked without hashing.
     */
    static boolean matches(int s, byte[] c, int from) {
        int len = LENGTHS[s];
        return W0[s] == word(c, from, len) && (len <= 8 || rest(s, c, from, len));
    }

    /** The word in slot {@code s} of {@link #find}. */
    static String at(int s) {
        return TABLE[s];
    }

    /** The id ({@link Keys}) of the word in slot {@code s} of {@link #find}, {@link Keys#OTHER} past 127. */
    static byte keyIdAt(int s) {
        return IDS[s];
    }

    private static boolean rest(int i, byte[] c, int from, int len) {
        return W1[i] == word(c, from + 8, len - 8) && (len <= 16 || W2[i] == word(c, from + 16, len - 16));
    }
}
