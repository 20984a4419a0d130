package io.reactord.systemd;

import java.util.Locale;

/** How a systemd job ended, as reported by the manager's {@code JobRemoved} signal. */
public enum JobResult {
    DONE, CANCELED, TIMEOUT, FAILED, DEPENDENCY, SKIPPED, INVALID, ASSERT, UNSUPPORTED, COLLECTED, ONCE,
    /** A result string this version does not know. */
    UNKNOWN;

    /** Parses systemd's lower-case result name. */
    public static JobResult of(String result) {
        try {
            return valueOf(result.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
