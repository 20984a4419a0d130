package io.reactord.config;

/**
 * The rule for node names (DRBD {@code on NAME} / connection names, LINSTOR node names), used for
 * {@code preferred-nodes}, {@code reactorctl move --to}, the daemon's {@code move} request and every
 * node a {@code [peers]} command is run for. A node name is 1 to {@link #MAX_LENGTH} characters from
 * {@code [A-Za-z0-9_.-]}, hostname-like, and does not start with {@code -} or {@code .}: nothing a shell,
 * an ssh destination or an option parser would interpret.
 */
public final class NodeName {
    private NodeName() {}

    /** Longest accepted name: a DNS name's limit. */
    public static final int MAX_LENGTH = 253;

    /** Null when {@code name} is an acceptable node name, otherwise why not (one line, no name). */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) return "is empty";
        if (name.length() > MAX_LENGTH) return "is longer than " + MAX_LENGTH + " characters";
        char first = name.charAt(0);
        if (first == '-' || first == '.') {
            return "must not start with '" + first + "'";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-')) {
                return "contains " + show(c) + "; node names may contain only letters, digits and _ . -";
            }
        }
        return null;
    }

    /** True when {@code name} follows the rule. */
    public static boolean valid(String name) {
        return problem(name) == null;
    }

    /** Null when {@code name} follows the rule, otherwise the whole message: {@code node name 'NAME' REASON}, printable. */
    public static String error(String name) {
        String p = problem(name);
        return p == null ? null : "node name " + ResourceName.quoted(name) + " " + p;
    }

    /** {@code name} when it follows the rule, otherwise an {@link IllegalArgumentException} that says why. */
    public static String require(String name) {
        String e = error(name);
        if (e != null) throw new IllegalArgumentException(e);
        return name;
    }

    private static String show(char c) {
        if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c) || c > 0x7e) {
            return String.format("the character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
