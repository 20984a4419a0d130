package io.reactord.events2;

/**
 * Small int ids of the keys the object parsers read: each key's index in {@link Words}' table, found once
 * per pair when the line is tokenised ({@link Pairs}), so a parser switches on an int (a jump table)
 * instead of a string's hash and equals. A key not in the table has {@link #OTHER}. Words checks at class
 * load that every id names its word.
 */
final class Keys {
    static final int OTHER = -1;
    static final int NAME = 0;
    static final int VOLUME = 1;
    static final int MINOR = 2;
    static final int PEER_NODE_ID = 3;
    static final int CONN_NAME = 4;
    static final int LOCAL = 5;
    static final int PEER = 6;
    static final int NEW_NAME = 7;
    static final int HELPER = 8;
    static final int STATUS = 9;
    static final int ROLE = 10;
    static final int SUSPENDED = 11;
    static final int FORCE_IO_FAILURES = 12;
    static final int WRITE_ORDERING = 13;
    static final int MAY_PROMOTE = 14;
    static final int PROMOTION_SCORE = 15;
    static final int BACKING_DEV = 16;
    static final int DISK = 17;
    static final int CLIENT = 18;
    static final int OPEN = 19;
    static final int QUORUM = 20;
    static final int CONNECTION = 30;
    static final int REPLICATION = 34;
    static final int PEER_DISK = 35;
    static final int PEER_CLIENT = 36;
    static final int RESYNC_SUSPENDED = 37;
    static final int DONE = 38;
    static final int ESTABLISHED = 58;

    /** Each id with its word, for the check at class load. */
    static final Object[][] CHECK = {
        {NAME, "name"}, {VOLUME, "volume"}, {MINOR, "minor"}, {PEER_NODE_ID, "peer-node-id"},
        {CONN_NAME, "conn-name"}, {LOCAL, "local"}, {PEER, "peer"}, {NEW_NAME, "new_name"}, {HELPER, "helper"},
        {STATUS, "status"}, {ROLE, "role"}, {SUSPENDED, "suspended"}, {FORCE_IO_FAILURES, "force-io-failures"},
        {WRITE_ORDERING, "write-ordering"}, {MAY_PROMOTE, "may_promote"}, {PROMOTION_SCORE, "promotion_score"},
        {BACKING_DEV, "backing_dev"}, {DISK, "disk"}, {CLIENT, "client"}, {OPEN, "open"}, {QUORUM, "quorum"},
        {CONNECTION, "connection"}, {REPLICATION, "replication"}, {PEER_DISK, "peer-disk"},
        {PEER_CLIENT, "peer-client"}, {RESYNC_SUSPENDED, "resync-suspended"}, {DONE, "done"},
        {ESTABLISHED, "established"},
    };

    private Keys() {}
}
