package io.reactord.systemd;

/** The system bus or the systemd manager is not reachable right now. */
public class BusUnavailableException extends SystemdException {
    private static final long serialVersionUID = 1L;

    public BusUnavailableException(String message) {
        super(message);
    }

    public BusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
