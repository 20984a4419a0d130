package io.reactord.systemd;

/** The unit cannot be frozen here (freezing needs the unified cgroup v2 hierarchy). */
public class FreezeNotSupportedException extends SystemdException {
    private static final long serialVersionUID = 1L;

    public FreezeNotSupportedException(String message) {
        super(message);
    }

    public FreezeNotSupportedException(String message, Throwable cause) {
        super(message, cause);
    }
}
