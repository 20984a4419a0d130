package io.reactord.systemd;

/** No JobRemoved arrived for a job within the client's job timeout. */
public class JobTimeoutException extends SystemdException {
    private static final long serialVersionUID = 1L;

    public JobTimeoutException(String message) {
        super(message);
    }

    public JobTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
