package io.reactord.it;

/** Misbehaviour a backend can inject into a node's start units (the node's flag files on real systemd). */
public enum UnitFault {
    /** The mount-like unit fails to start (scenario 11). */
    MOUNT_FAILS,
    /** The controller exits with an error right after it starts, every time while set (scenario 10). */
    CONTROLLER_CRASHES,
    /** The controller ignores SIGTERM and is killed only by systemd's stop timeout (scenarios 12, 15). */
    CONTROLLER_STOP_HANGS
}
