package io.reactord.agent.status;

import java.util.Map;

/** One journal entry from the daemon as one line of text. */
final class JournalLines {
    private JournalLines() {}

    static String format(Object entry) {
        if (!(entry instanceof Map<?, ?> m)) {
            return String.valueOf(entry);
        }
        StringBuilder sb = new StringBuilder();
        Object time = first(m, "time", "wall_time", "timestamp", "time_ms");
        if (time != null) {
            sb.append(time).append(' ');
        }
        Object from = m.get("from");
        Object to = m.get("to");
        if (from != null || to != null) {
            sb.append(from).append(" -> ").append(to);
        }
        Object what = first(m, "input", "action", "command", "event");
        if (what != null) {
            sb.append(sb.length() > 0 && (from != null || to != null) ? " " : "").append(what);
        }
        Object reason = m.get("reason");
        if (reason != null) {
            sb.append(" (").append(reason).append(')');
        }
        return sb.length() == 0 ? m.toString() : sb.toString().strip();
    }

    private static Object first(Map<?, ?> m, String... keys) {
        for (String k : keys) {
            if (m.get(k) != null) {
                return m.get(k);
            }
        }
        return null;
    }
}
