package io.reactord.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One finding about a configuration file: an error or a warning. {@link #toString()} gives the
 * one-line form {@code path:line: message}; {@code line} 0 means the whole file.
 */
public record Diagnostic(Path file, int line, String message) {

    public Diagnostic {
        Objects.requireNonNull(message, "message");
        message = printable(message);
    }

    @Override
    public String toString() {
        return (file == null ? "<config>" : printable(file.toString())) + ":" + line + ": " + message;
    }

    /** The text with control characters escaped, so that a diagnostic always stays on one line. */
    static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c) && !validPair(s, i);
            if (bad && sb == null) sb = new StringBuilder(s.substring(0, i));
            if (sb != null) {
                if (bad) sb.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
                else sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
