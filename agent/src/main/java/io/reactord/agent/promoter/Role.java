package io.reactord.agent.promoter;

/** A DRBD role as the promoter sees it (local or a peer's). */
public enum Role {
    PRIMARY,
    SECONDARY,
    UNKNOWN
}
