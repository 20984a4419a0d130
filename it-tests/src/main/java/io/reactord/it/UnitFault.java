package io.reactord.it;

/** Misbehaviour a backend can inject into a node's start units (the node's flag files on real systemd). */
public enum UnitFault {
    /** The mount-like unit fails to start (scenario 11). */
    MOUNT_FAILS,
    /** The controller exits with an error right after it starts, every time while set (scenario 10). */
    CONTROLLER_CRASHES,
    /** The controller ignores SIGTERM and is killed only by systemd's stop timeout (scenarios 12, 15). */
    CONTROLLER_STOP_HANGS,
    /** The controller exits with an error at once after every start (scenario 30). */
    CONTROLLER_EXITS_AT_START,
    /**
     * {@code drbdsetup} cannot run (exit 126) for every one-shot call: {@code primary}, {@code secondary},
     * {@code events2 --now}; a running events2 stream is kept (scenario 35).
     */
    DRBDSETUP_CANNOT_RUN,
    /** {@code drbdsetup primary} hangs (scenario 35). */
    PRIMARY_HANGS
}
