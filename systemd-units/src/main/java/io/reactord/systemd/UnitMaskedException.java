package io.reactord.systemd;

/** The unit is masked, so it cannot be started. */
public class UnitMaskedException extends SystemdException {
    private static final long serialVersionUID = 1L;

    public UnitMaskedException(String message) {
        super(message);
    }

    public UnitMaskedException(String message, Throwable cause) {
        super(message, cause);
    }
}
