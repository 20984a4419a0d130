package io.reactord.systemd;

/** The manager does not know the unit (no unit file). */
public class NoSuchUnitException extends SystemdException {
    private static final long serialVersionUID = 1L;

    public NoSuchUnitException(String message) {
        super(message);
    }

    public NoSuchUnitException(String message, Throwable cause) {
        super(message, cause);
    }
}
