package io.reactord.agent.control.status;

/**
 * ANSI colour for text output, only when it goes to a terminal: on when stdout is a console,
 * {@code NO_COLOR} is unset and {@code TERM} is not {@code dumb}.
 */
public final class Terminal {
    private final boolean colour;

    public Terminal(boolean colour) {
        this.colour = colour;
    }

    /** Colour when stdout is an interactive terminal. */
    public static Terminal detect() {
        String term = System.getenv("TERM");
        boolean on = System.console() != null && System.getenv("NO_COLOR") == null && term != null
                && !term.isEmpty() && !"dumb".equals(term);
        return new Terminal(on);
    }

    public static Terminal plain() {
        return new Terminal(false);
    }

    public boolean colour() {
        return colour;
    }

    public String green(String s) {
        return wrap("1;32", s);
    }

    public String red(String s) {
        return wrap("1;31", s);
    }

    public String yellow(String s) {
        return wrap("1;33", s);
    }

    public String blue(String s) {
        return wrap("34", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    /**
     * {@code s} safe to print on a terminal: control characters (C0, DEL, C1: the start of every escape sequence)
     * and the bidirectional-override characters become hex escapes (ESC prints as backslash, x, 1b; U+202E as
     * backslash, u, 202e), so a DRBD resource, node or unit name cannot move the cursor, recolour, retitle or
     * reorder what the operator reads. A backslash stays as it is (systemd-escaped unit names keep theirs). Null
     * prints as {@code null}.
     */
    public static String safe(Object o) {
        String s = String.valueOf(o);
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                b.append(c);
            } else if (c < 0x100) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c;
    }

    private String wrap(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
