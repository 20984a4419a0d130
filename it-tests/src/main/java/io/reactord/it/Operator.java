package io.reactord.it;

/** The operator requests of {@code reactorctl} that scenarios 19 and 20 issue. */
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
    ENABLE
}
