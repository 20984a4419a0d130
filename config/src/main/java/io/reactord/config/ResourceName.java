package io.reactord.config;

/**
 * The one rule for DRBD resource names, used by the configuration loader, the daemon and every
 * {@code reactorctl} verb that takes a name. A name is 1 to {@link #MAX_LENGTH} characters from
 * {@code [A-Za-z0-9_.+-]} and starts with a letter, digit or {@code _}. That accepts every name
 * LINSTOR creates ({@code [A-Za-z_][A-Za-z0-9_-]*}, at most 48) and the names in drbd-reactor's
 * documentation, and keeps out what a shell, systemd's specifier expansion ({@code $}, {@code %}),
 * a path ({@code /}) or an option parser (a leading {@code -}) would interpret.
 */
public final class ResourceName {
    private ResourceName() {}

    /** Longest accepted name. */
    public static final int MAX_LENGTH = 128;
    /**
     * Longest systemd-escaped form: the longest unit built from a name,
     * {@code drbd-demote-or-escalate@NAME.service}, must fit systemd's 255-character limit.
     */
    static final int MAX_ESCAPED = 255 - "drbd-demote-or-escalate@.service".length();

    /** Null when {@code name} is an acceptable resource name, otherwise why not (one line, no name). */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) return "is empty";
        if (name.length() > MAX_LENGTH) return "is longer than " + MAX_LENGTH + " characters";
        char first = name.charAt(0);
        if (!(letterOrDigit(first) || first == '_')) {
            return "must start with a letter, a digit or '_', not " + show(first);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(letterOrDigit(c) || c == '_' || c == '.' || c == '+' || c == '-')) {
                return "contains " + show(c) + "; resource names may contain only letters, digits and _ . + -";
            }
        }
        if (UnitNames.escapeInstance(name).length() > MAX_ESCAPED) {
            return "is too long once systemd-escaped for its unit names";
        }
        return null;
    }

    /** True when {@code name} follows the rule. */
    public static boolean valid(String name) {
        return problem(name) == null;
    }

    /** {@code name} when it follows the rule, otherwise an {@link IllegalArgumentException} that says why. */
    public static String require(String name) {
        String p = problem(name);
        if (p != null) throw new IllegalArgumentException("resource name " + quoted(name) + " " + p);
        return name;
    }

    /** The name quoted for a message, with control characters escaped. */
    static String quoted(String name) {
        return "'" + Diagnostic.printable(name == null ? "" : name) + "'";
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String show(char c) {
        if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c) || c > 0x7e) {
            return String.format("the character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
