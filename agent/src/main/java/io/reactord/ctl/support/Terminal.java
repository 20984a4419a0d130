package io.reactord.ctl.support;

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

    private String wrap(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
