package io.reactord.systemd;

import java.nio.charset.StandardCharsets;

/**
 * systemd unit names of the per-resource template instances, and the escaping that turns a DRBD
 * resource name into an instance string.
 *
 * <p>{@link #escapeInstance(String)} produces exactly what {@code systemd-escape NAME} prints: ASCII
 * letters, digits, {@code :}, {@code _} and {@code .} are kept (a leading {@code .} is escaped),
 * {@code /} becomes {@code -}, every other byte of the UTF-8 encoding becomes {@code \xNN}. The result
 * therefore never contains a path separator, and {@code ..} can never be a whole path component.
 */
public final class SystemdNames {

    /** systemd's limit: a unit name must be shorter than 256 bytes. */
    public static final int MAX_UNIT_NAME = 255;

    private static final String SERVICES_TARGET = "drbd-services@";
    private static final String PROMOTE_SERVICE = "drbd-promote@";
    private static final String DEMOTE_SERVICE = "drbd-demote-or-escalate@";

    private SystemdNames() {}

    /**
     * Escapes a string for use as a unit instance name, like {@code systemd-escape}.
     *
     * @throws IllegalArgumentException for an empty string or one containing NUL
     */
    public static String escapeInstance(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("empty name cannot be a unit instance");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("name contains a NUL character: " + printable(name));
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '/') {
                out.append('-');
            } else if (isKept(b) && !(i == 0 && b == '.')) {
                out.append((char) b);
            } else {
                out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        }
        return out.toString();
    }

    /** {@code drbd-services@RES.target} with RES escaped. */
    public static String servicesTarget(String resource) {
        return instance(SERVICES_TARGET, resource, ".target");
    }

    /** {@code drbd-promote@RES.service} with RES escaped. */
    public static String promoteService(String resource) {
        return instance(PROMOTE_SERVICE, resource, ".service");
    }

    /** {@code drbd-demote-or-escalate@RES.service} with RES escaped. */
    public static String demoteOrEscalateService(String resource) {
        return instance(DEMOTE_SERVICE, resource, ".service");
    }

    /**
     * Checks that {@code unit} is a plain, valid unit name (as configured in a {@code start} list):
     * only characters systemd allows, a known suffix, no path component, within the length limit.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static String requireValidUnitName(String unit) {
        if (unit == null || unit.isEmpty()) {
            throw new IllegalArgumentException("empty unit name");
        }
        if (unit.length() > MAX_UNIT_NAME) {
            throw new IllegalArgumentException("unit name longer than " + MAX_UNIT_NAME + " characters: "
                    + printable(unit.substring(0, 40)) + "...");
        }
        for (int i = 0; i < unit.length(); i++) {
            char c = unit.charAt(i);
            boolean ok = c < 0x80 && (isKept(c) || c == '-' || c == '\\' || c == '@');
            if (!ok) {
                throw new IllegalArgumentException("invalid character " + printable(String.valueOf(c))
                        + " in unit name " + printable(unit) + " (escape it with systemd-escape)");
            }
        }
        int dot = unit.lastIndexOf('.');
        if (dot <= 0 || !UnitType.isKnownSuffix(unit.substring(dot + 1))) {
            throw new IllegalArgumentException("unit name " + printable(unit)
                    + " lacks a unit type suffix such as .service or .mount");
        }
        if (unit.startsWith(".") || unit.indexOf('@') != unit.lastIndexOf('@')) {
            throw new IllegalArgumentException("invalid unit name " + printable(unit));
        }
        return unit;
    }

    private static String instance(String prefix, String resource, String suffix) {
        String name = prefix + escapeInstance(resource) + suffix;
        if (name.length() > MAX_UNIT_NAME) {
            throw new IllegalArgumentException("resource name too long for a unit name ("
                    + name.length() + " > " + MAX_UNIT_NAME + " characters after escaping)");
        }
        return name;
    }

    private static boolean isKept(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == ':' || b == '_' || b == '.';
    }

    /** A name made safe for an error message: control characters shown as \\xNN. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder("'");
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('\'').toString();
    }

    /** The unit type suffixes systemd knows. */
    enum UnitType {
        SERVICE, SOCKET, TARGET, DEVICE, MOUNT, AUTOMOUNT, SWAP, TIMER, PATH, SLICE, SCOPE;

        static boolean isKnownSuffix(String suffix) {
            for (UnitType t : values()) {
                if (t.name().toLowerCase(java.util.Locale.ROOT).equals(suffix)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The D-Bus interface holding the unit type's {@code Result} property ({@code org.freedesktop.systemd1.Service}
     * for a service, …); null for types without one (target, device, slice).
     */
    public static String resultInterface(String unit) {
        String type = unit.substring(unit.lastIndexOf('.') + 1);
        switch (type) {
            case "service":
            case "socket":
            case "mount":
            case "swap":
            case "timer":
            case "path":
            case "automount":
            case "scope":
                return "org.freedesktop.systemd1." + Character.toUpperCase(type.charAt(0)) + type.substring(1);
            default:
                return null;
        }
    }
}
