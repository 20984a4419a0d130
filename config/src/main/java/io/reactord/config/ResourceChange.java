package io.reactord.config;

/** How one promoter resource differs between two configurations (see {@link ConfigDiff}). */
public enum ResourceChange {
    UNCHANGED,
    CHANGED,
    ADDED,
    REMOVED
}
