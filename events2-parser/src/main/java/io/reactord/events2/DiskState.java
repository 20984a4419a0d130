package io.reactord.events2;

import java.util.HashMap;
import java.util.Map;

/** A local ({@code disk}) or peer ({@code peer-disk}) disk state. */
public enum DiskState {
    DISKLESS("Diskless"),
    ATTACHING("Attaching"),
    DETACHING("Detaching"),
    FAILED("Failed"),
    NEGOTIATING("Negotiating"),
    INCONSISTENT("Inconsistent"),
    OUTDATED("Outdated"),
    DUNKNOWN("DUnknown"),
    CONSISTENT("Consistent"),
    UP_TO_DATE("UpToDate");

    private static final Map<String, DiskState> BY_NAME = new HashMap<>();
    private static final DiskState[] VALUES = values();

    static {
        BY_NAME.put("Diskless", DISKLESS);
        BY_NAME.put("Attaching", ATTACHING);
        BY_NAME.put("Detaching", DETACHING);
        BY_NAME.put("Failed", FAILED);
        BY_NAME.put("Negotiating", NEGOTIATING);
        BY_NAME.put("Inconsistent", INCONSISTENT);
        BY_NAME.put("Outdated", OUTDATED);
        BY_NAME.put("DUnknown", DUNKNOWN);
        BY_NAME.put("Consistent", CONSISTENT);
        BY_NAME.put("UpToDate", UP_TO_DATE);
    }

    private final String drbdName;

    DiskState(String drbdName) {
        this.drbdName = drbdName;
    }

    /** The name as drbdsetup prints it. */
    public String drbdName() {
        return drbdName;
    }

    /** The state for a printed word, or null when the word is not one of them. */
    public static DiskState of(String s) {
        for (DiskState v : VALUES) {
            if (v.drbdName == s) { // the parser hands over the canonical instance of a known word (Words)
                return v;
            }
        }
        return BY_NAME.get(s);
    }
}
