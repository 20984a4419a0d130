package io.reactord.systemd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** systemd's unit object paths: {@code /org/freedesktop/systemd1/unit/<bus-escaped name>}. */
final class UnitPaths {
    static final String PREFIX = "/org/freedesktop/systemd1/unit/";

    private UnitPaths() {}

    /** The unit name of an object path, or null when the path is not a unit's. */
    static String unitName(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return null;
        }
        String s = path.substring(PREFIX.length());
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '_') {
                return null;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
