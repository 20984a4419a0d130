package io.reactord.systemd;

/** The state of {@link SystemdClient}'s link to the systemd manager. */
public enum ConnectionState {
    /** First connection made and subscribed. */
    CONNECTED,
    /** The bus or the manager went away; pending jobs failed, calls fail until reconnected. */
    DISCONNECTED,
    /** Connected and subscribed again after a loss: job results and states may have been missed. */
    RECONNECTED
}
