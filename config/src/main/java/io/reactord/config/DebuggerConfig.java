package io.reactord.config;

import java.nio.file.Path;

/** One {@code [[debugger]]} table (logs every DRBD change at debug level); it has no settings. */
public record DebuggerConfig(Path source, int line) {}
