package io.reactord.agent.promoter;

/** A DRBD connection state; only {@link #CONNECTED} means the peer's role and disk are known. */
public enum ConnState {
    STANDALONE,
    DISCONNECTING,
    UNCONNECTED,
    TIMEOUT,
    BROKEN_PIPE,
    NETWORK_FAILURE,
    PROTOCOL_ERROR,
    TEAR_DOWN,
    CONNECTING,
    CONNECTED,
    UNKNOWN
}
