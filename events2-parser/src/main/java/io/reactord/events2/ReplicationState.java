package io.reactord.events2;

import java.util.HashMap;
import java.util.Map;

/** The {@code replication} key of a peer device. */
public enum ReplicationState {
    OFF("Off"),
    ESTABLISHED("Established"),
    STARTING_SYNC_S("StartingSyncS"),
    STARTING_SYNC_T("StartingSyncT"),
    WF_BITMAP_S("WFBitMapS"),
    WF_BITMAP_T("WFBitMapT"),
    WF_SYNC_UUID("WFSyncUUID"),
    SYNC_SOURCE("SyncSource"),
    SYNC_TARGET("SyncTarget"),
    VERIFY_S("VerifyS"),
    VERIFY_T("VerifyT"),
    PAUSED_SYNC_S("PausedSyncS"),
    PAUSED_SYNC_T("PausedSyncT"),
    AHEAD("Ahead"),
    BEHIND("Behind");

    private static final Map<String, ReplicationState> BY_NAME = new HashMap<>();
    private static final ReplicationState[] VALUES = values();

    static {
        BY_NAME.put("Off", OFF);
        BY_NAME.put("Established", ESTABLISHED);
        BY_NAME.put("StartingSyncS", STARTING_SYNC_S);
        BY_NAME.put("StartingSyncT", STARTING_SYNC_T);
        BY_NAME.put("WFBitMapS", WF_BITMAP_S);
        BY_NAME.put("WFBitMapT", WF_BITMAP_T);
        BY_NAME.put("WFSyncUUID", WF_SYNC_UUID);
        BY_NAME.put("SyncSource", SYNC_SOURCE);
        BY_NAME.put("SyncTarget", SYNC_TARGET);
        BY_NAME.put("VerifyS", VERIFY_S);
        BY_NAME.put("VerifyT", VERIFY_T);
        BY_NAME.put("PausedSyncS", PAUSED_SYNC_S);
        BY_NAME.put("PausedSyncT", PAUSED_SYNC_T);
        BY_NAME.put("Ahead", AHEAD);
        BY_NAME.put("Behind", BEHIND);
    }

    private final String drbdName;

    ReplicationState(String drbdName) {
        this.drbdName = drbdName;
    }

    /** The name as drbdsetup prints it. */
    public String drbdName() {
        return drbdName;
    }

    /** The state for a printed word, or null when the word is not one of them. */
    public static ReplicationState of(String s) {
        for (ReplicationState v : VALUES) {
            if (v.drbdName == s) { // the parser hands over the canonical instance of a known word (Words)
                return v;
            }
        }
        return BY_NAME.get(s);
    }
}
