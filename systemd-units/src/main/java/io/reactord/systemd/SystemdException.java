package io.reactord.systemd;

/** A systemd operation failed; the message is one line naming the unit and systemd's reason. */
public class SystemdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SystemdException(String message) {
        super(message);
    }

    public SystemdException(String message, Throwable cause) {
        super(message, cause);
    }
}
