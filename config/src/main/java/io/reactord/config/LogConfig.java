package io.reactord.config;

import java.nio.file.Path;

/** One {@code [[log]]} table: a level ({@code trace|debug|info|warn|error|off}) and an optional file (null = stderr). */
public record LogConfig(String level, Path file) {
    /** The default logger: {@code info} on standard error. */
    public static final LogConfig DEFAULT = new LogConfig("info", null);
}
