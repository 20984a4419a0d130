package io.reactord.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Duration values: an integer or float is a number of seconds (drbd-reactor's form, e.g.
 * {@code statistics-poll-interval = 60}); a string is one or more number-unit pairs with units
 * {@code ms}, {@code s}, {@code m}, {@code h}, {@code d} (e.g. {@code "10m"}, {@code "1m30s"}).
 */
final class Durations {
    private Durations() {}

    static final String FORMS = "seconds as a number (e.g. 30) or a string like \"500ms\", \"30s\", \"10m\", \"1h\"";
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    /** Parses the string form; throws IllegalArgumentException with the allowed forms. */
    static Duration parse(String s) {
        String t = s.strip();
        if (t.matches("\\d{1,9}")) return Duration.ofSeconds(Long.parseLong(t));
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            at = m.end();
        }
        if (at == 0 || at != t.length()) {
            throw new IllegalArgumentException("must be " + FORMS + ", got \"" + Diagnostic.printable(s) + "\"");
        }
        return total;
    }

    /** Seconds (integer or fraction) as a duration, millisecond precision. */
    static Duration ofSeconds(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0 || seconds > 1e9) {
            throw new IllegalArgumentException("must be " + FORMS + ", got " + seconds);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** The shortest readable string form, e.g. "10m" or "1m30s". */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) return "0s";
        if (ms % 1000 != 0) return ms + "ms";
        long s = ms / 1000;
        StringBuilder sb = new StringBuilder();
        long[] units = {86400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (s >= units[i]) {
                sb.append(s / units[i]).append(names[i]);
                s %= units[i];
            }
        }
        return sb.toString();
    }
}
