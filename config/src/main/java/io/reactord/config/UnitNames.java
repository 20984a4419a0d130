package io.reactord.config;

import java.util.Set;

/**
 * Syntax checks for systemd unit names in a promoter's {@code start} list, with systemd's rules:
 * at most 255 characters, {@code prefix[@instance].type} with a known type, characters from
 * {@code [A-Za-z0-9:_.\-]} (plus {@code \} and {@code @} in the instance). {@code ocf:} entries
 * name OCF resource agents and are checked for shape only.
 */
public final class UnitNames {
    private UnitNames() {}

    static final int MAX_LENGTH = 255;
    static final Set<String> TYPES = Set.of("service", "socket", "device", "mount", "automount", "swap",
            "target", "path", "timer", "slice", "scope");

    /** True for entries that name an OCF resource agent ({@code ocf:VENDOR:AGENT ...}), well-formed or not. */
    static boolean isOcf(String entry) {
        return entry.startsWith("ocf:");
    }

    /** Null when {@code name} is a valid unit name, otherwise why not (one line). */
    static String problem(String name) {
        if (name.isEmpty()) return "is empty";
        if (name.contains("/")) {
            String example = name.startsWith("/") ? name : "/" + name;
            return "contains '/'; unit names cannot contain paths. For a mount point use the unit name printed by"
                    + " `systemd-escape --path --suffix=mount '" + example + "'` (here: '" + escapeMountPath(example) + "')";
        }
        if (name.length() > MAX_LENGTH) return "is longer than " + MAX_LENGTH + " characters";
        int dot = name.lastIndexOf('.');
        if (dot == 0) return "has an empty name before the type";
        if (dot < 0 || dot == name.length() - 1) {
            return "has no unit type suffix; add one such as '.service' or '.mount'";
        }
        String type = name.substring(dot + 1);
        if (!TYPES.contains(type)) {
            String hint = Suggest.closest(type, TYPES);
            return "has unknown unit type '." + type + "'" + (hint == null ? "" : "; did you mean '." + hint + "'?")
                    + " (types: .service, .mount, .target, .socket, .timer, .path, .swap, .automount, .device, .slice, .scope)";
        }
        String stem = name.substring(0, dot);
        int at = stem.indexOf('@');
        String prefix = at < 0 ? stem : stem.substring(0, at);
        if (prefix.isEmpty()) return "has an empty name before '@' or the type";
        for (int i = 0; i < prefix.length(); i++) {
            if (!valid(prefix.charAt(i), false)) return "contains the invalid character " + show(prefix.charAt(i));
        }
        if (at >= 0) {
            String instance = stem.substring(at + 1);
            if (instance.isEmpty()) {
                return "is a template without an instance; name an instance, e.g. '" + prefix + "@NAME." + type + "'";
            }
            for (int i = 0; i < instance.length(); i++) {
                if (!valid(instance.charAt(i), true)) return "contains the invalid character " + show(instance.charAt(i));
            }
        }
        return null;
    }

    private static boolean valid(char c, boolean instance) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == ':' || c == '-' || c == '_' || c == '.' || c == '\\' || (instance && c == '@');
    }

    private static String show(char c) {
        if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) return String.format("U+%04X", (int) c);
        return "'" + c + "'";
    }

    /**
     * What {@code systemd-escape NAME} prints, for the instance part of a template unit: bytes outside
     * {@code [A-Za-z0-9:_.]} (and a leading {@code .}) become {@code \xNN}, {@code /} becomes {@code -}.
     */
    public static String escapeInstance(String name) {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            char c = (char) b;
            if (c == '/') {
                sb.append('-');
            } else if (b < 0x80 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ':' || c == '_' || (c == '.' && i > 0))) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.toString();
    }

    /** The instance as systemd's {@code %I} gives it: {@code \xNN} sequences decoded, everything else kept. */
    static String unescapeInstance(String instance) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < instance.length(); ) {
            char c = instance.charAt(i);
            if (c == '\\' && i + 3 < instance.length() && instance.charAt(i + 1) == 'x'
                    && hex(instance.charAt(i + 2)) >= 0 && hex(instance.charAt(i + 3)) >= 0) {
                out.write(hex(instance.charAt(i + 2)) * 16 + hex(instance.charAt(i + 3)));
                i += 4;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i++;
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** What {@code systemd-escape --path --suffix=mount PATH} prints. */
    static String escapeMountPath(String path) {
        String p = path.replaceAll("/+", "/");
        while (p.startsWith("/")) p = p.substring(1);
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        if (p.isEmpty()) return "-.mount";
        StringBuilder sb = new StringBuilder();
        byte[] bytes = p.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            char c = (char) b;
            if (c == '/') {
                sb.append('-');
            } else if ((c == '.' && i == 0) || !(b < 0x80 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9') || c == ':' || c == '_' || c == '.'))) {
                sb.append(String.format("\\x%02x", b));
            } else {
                sb.append(c);
            }
        }
        return sb + ".mount";
    }
}
