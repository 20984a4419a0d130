package io.reactord.agent.time;

/** A monotonic clock in milliseconds since an arbitrary origin; never the wall clock. */
public interface Clock {
    /** Milliseconds since this clock's origin; never decreases. */
    long millis();
}
