package io.reactord.systemd;

import java.nio.file.Files;
import java.nio.file.Path;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** Turns dbus-java's exceptions into this module's {@link SystemdException} types. */
final class DBusErrors {
    private DBusErrors() {}

    /** Whether this host can freeze units: systemd needs the unified (v2) cgroup hierarchy. */
    static boolean cgroupV2Unified() {
        return Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
    }

    static SystemdException translate(Throwable t, String operation, String unit) {
        if (t instanceof SystemdException se) {
            return se;
        }
        String what = unit == null ? operation : operation + " " + unit;
        String type = errorName(t);
        String msg = String.valueOf(t.getMessage()).strip();
        if (type.endsWith("NoSuchUnit") || (msg.startsWith("Unit ") && msg.endsWith("not found."))) {
            return new NoSuchUnitException(what + ": " + msg, t);
        }
        if (type.endsWith("UnitMasked") || msg.contains("is masked")) {
            return new UnitMaskedException(what + ": " + msg, t);
        }
        if (msg.contains("does not support freez") || (operation.endsWith("freeze") && type.endsWith("NotSupported"))) {
            String reason = cgroupV2Unified()
                    ? "systemd reports the unit cannot be frozen"
                    : "freezing needs the unified cgroup v2 hierarchy, and this host does not run it "
                            + "(/sys/fs/cgroup/cgroup.controllers is absent)";
            return new FreezeNotSupportedException(what + ": " + reason + " (systemd: " + msg + ")", t);
        }
        if (isBusLoss(t, type, msg)) {
            return new BusUnavailableException(what + ": systemd is not reachable on the bus: " + msg, t);
        }
        return new SystemdException(what + ": " + msg, t);
    }

    private static boolean isBusLoss(Throwable t, String type, String msg) {
        return type.endsWith("ServiceUnknown") || type.endsWith("NoReply") || type.endsWith("NotConnected")
                || type.endsWith("Disconnected") || type.endsWith("NameHasNoOwner")
                || msg.contains("Disconnected") || msg.contains("not connected")
                || (t instanceof DBusException && !(t instanceof DBusExecutionException));
    }

    /**
     * dbus-java raises standard D-Bus errors as classes named after them (e.g.
     * {@code org.freedesktop.dbus.errors.ServiceUnknown}) and errors it has no class for (systemd's own)
     * as a plain {@link DBusExecutionException} carrying only the message; so systemd's errors are
     * recognised by their message text.
     */
    private static String errorName(Throwable t) {
        return t.getClass().getName();
    }
}
