package io.reactord.it;

/** The operator requests that scenarios 19, 20 and 28–31 issue (and the soak draws). */
public enum Operator {
    /** {@code reactorctl evict RES}. */
    EVICT,
    /** {@code reactorctl evict --keep-masked RES}. */
    EVICT_KEEP_MASKED,
    /** {@code reactorctl move RES --to NODE}. */
    MOVE,
    /** {@code reactorctl disable --now RES}. */
    DISABLE_NOW,
    /** {@code reactorctl enable RES}. */
    ENABLE,
    /** {@code reactorctl disable RES} (without {@code --now}: the running services stay). */
    DISABLE,
    /** {@code systemctl stop drbd-services@RES.target}: an operator stops the target by hand. */
    STOP_TARGET
}
