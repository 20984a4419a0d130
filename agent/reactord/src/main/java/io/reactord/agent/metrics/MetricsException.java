package io.reactord.agent.metrics;

/** The metrics endpoint cannot be served, e.g. {@code cannot listen on :9942: Address already in use}. */
public final class MetricsException extends Exception {
    private static final long serialVersionUID = 1L;

    public MetricsException(String message, Throwable cause) {
        super(message, cause);
    }

    public MetricsException(String message) {
        super(message);
    }
}
