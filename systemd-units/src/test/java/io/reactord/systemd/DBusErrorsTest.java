package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The translation of dbus-java errors as dbus-java raises them: standard D-Bus errors as their classes
 * in {@code org.freedesktop.dbus.errors}, systemd's own errors as plain {@link DBusExecutionException}s
 * that keep only systemd's message text.
 */
final class DBusErrorsTest {

    private static DBusExecutionException remote(String message) {
        return new DBusExecutionException(message);
    }

    @Test
    void translate_noSuchUnit_noSuchUnitException() {
        SystemdException e = DBusErrors.translate(remote("Unit x.service not found."),
                "start", "x.service");
        assertInstanceOf(NoSuchUnitException.class, e);
        assertEquals("start x.service: Unit x.service not found.", e.getMessage());
    }

    @Test
    void translate_freezeNotSupported_namesTheReason() {
        SystemdException e = DBusErrors.translate(new org.freedesktop.dbus.errors.NotSupported(
                "Unit 'a.service' does not support freezing."), "freeze", "a.service");
        assertInstanceOf(FreezeNotSupportedException.class, e);
        assertTrue(e.getMessage().startsWith("freeze a.service: "), e.getMessage());
        if (!DBusErrors.cgroupV2Unified()) {
            assertTrue(e.getMessage().contains("cgroup v2"), e.getMessage());
        }
    }

    @Test
    void translate_masked_unitMaskedException() {
        assertInstanceOf(UnitMaskedException.class, DBusErrors.translate(remote("Unit m.service is masked."), "start", "m.service"));
    }

    @Test
    void translate_serviceUnknown_busUnavailable() {
        assertInstanceOf(BusUnavailableException.class, DBusErrors.translate(new org.freedesktop.dbus.errors.ServiceUnknown(
                "The name org.freedesktop.systemd1 was not provided by any .service files"),
                "start", "a.service"));
    }

    @Test
    void translate_otherError_plainSystemdExceptionWithMessage() {
        SystemdException e = DBusErrors.translate(remote("Unit a.service is not active."), "thaw", "a.service");
        assertEquals(SystemdException.class, e.getClass());
        assertEquals("thaw a.service: Unit a.service is not active.", e.getMessage());
    }
}
