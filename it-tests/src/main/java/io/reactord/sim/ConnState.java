package io.reactord.sim;

/** DRBD connection states with their events2 words. */
public enum ConnState {
    STANDALONE("StandAlone"), DISCONNECTING("Disconnecting"), UNCONNECTED("Unconnected"),
    TIMEOUT("Timeout"), BROKEN_PIPE("BrokenPipe"), NETWORK_FAILURE("NetworkFailure"),
    PROTOCOL_ERROR("ProtocolError"), TEAR_DOWN("TearDown"), CONNECTING("Connecting"), CONNECTED("Connected");

    private final String word;

    ConnState(String word) {
        this.word = word;
    }

    /** The word events2 prints. */
    public String word() {
        return word;
    }
}
