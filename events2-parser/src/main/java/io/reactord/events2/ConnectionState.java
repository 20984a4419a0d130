package io.reactord.events2;

import java.util.HashMap;
import java.util.Map;

/** The {@code connection} key of a connection. */
public enum ConnectionState {
    STAND_ALONE("StandAlone"),
    DISCONNECTING("Disconnecting"),
    UNCONNECTED("Unconnected"),
    TIMEOUT("Timeout"),
    BROKEN_PIPE("BrokenPipe"),
    NETWORK_FAILURE("NetworkFailure"),
    PROTOCOL_ERROR("ProtocolError"),
    TEAR_DOWN("TearDown"),
    CONNECTING("Connecting"),
    CONNECTED("Connected");

    private static final Map<String, ConnectionState> BY_NAME = new HashMap<>();
    private static final ConnectionState[] VALUES = values();

    static {
        BY_NAME.put("StandAlone", STAND_ALONE);
        BY_NAME.put("Disconnecting", DISCONNECTING);
        BY_NAME.put("Unconnected", UNCONNECTED);
        BY_NAME.put("Timeout", TIMEOUT);
        BY_NAME.put("BrokenPipe", BROKEN_PIPE);
        BY_NAME.put("NetworkFailure", NETWORK_FAILURE);
        BY_NAME.put("ProtocolError", PROTOCOL_ERROR);
        BY_NAME.put("TearDown", TEAR_DOWN);
        BY_NAME.put("Connecting", CONNECTING);
        BY_NAME.put("Connected", CONNECTED);
    }

    private final String drbdName;

    ConnectionState(String drbdName) {
        this.drbdName = drbdName;
    }

    /** The name as drbdsetup prints it. */
    public String drbdName() {
        return drbdName;
    }

    /** The state for a printed word, or null when the word is not one of them. */
    public static ConnectionState of(String s) {
        for (ConnectionState v : VALUES) {
            if (v.drbdName == s) { // the parser hands over the canonical instance of a known word (Words)
                return v;
            }
        }
        return BY_NAME.get(s);
    }
}
