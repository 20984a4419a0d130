package io.reactord.it;

/** A scenario's expectation did not hold (the message says which and what was seen). */
public final class ScenarioFailure extends RuntimeException {
    public ScenarioFailure(String message) {
        super(message);
    }
}
