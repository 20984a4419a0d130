package io.reactord.config;

/** How a promoter resource's {@code start} list is executed ({@code runner}). */
public enum Runner {
    SYSTEMD("systemd"),
    SHELL("shell");

    private final String toml;

    Runner(String toml) {
        this.toml = toml;
    }

    public String tomlValue() {
        return toml;
    }

    /** Parses the TOML spelling; the exception message lists the allowed values. */
    public static Runner parse(String s) {
        return Choices.parse(Runner.class, s, Runner::tomlValue);
    }
}
