package io.reactord.agent.daemon;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * The running configuration as one indented, multi-line text (what {@code SIGUSR1} logs, like drbd-reactor's
 * debug dump of its configuration): records as {@code Name { field: value, … }}, lists as {@code [ … ]}, maps
 * as {@code { "key": value, … }}, strings quoted with control characters escaped, everything else as its
 * {@code toString()}.
 */
final class ConfigDump {
    private static final String INDENT = "    ";

    private ConfigDump() {}

    static String render(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, "");
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, String in) {
        if (v == null) {
            b.append("none");
        } else if (v instanceof CharSequence) {
            quote(b, v.toString());
        } else if (v instanceof Record) {
            RecordComponent[] cs = v.getClass().getRecordComponents();
            b.append(v.getClass().getSimpleName()).append(" {");
            if (cs.length == 0) {
                b.append('}');
                return;
            }
            b.append('\n');
            for (RecordComponent c : cs) {
                b.append(in).append(INDENT).append(c.getName()).append(": ");
                Object field;
                try {
                    field = c.getAccessor().invoke(v);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    field = "<" + e + ">";
                }
                write(b, field, in + INDENT);
                b.append(",\n");
            }
            b.append(in).append('}');
        } else if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(in).append(INDENT);
                write(b, e.getKey(), in + INDENT);
                b.append(": ");
                write(b, e.getValue(), in + INDENT);
                b.append(",\n");
            }
            b.append(in).append('}');
        } else if (v instanceof Collection) {
            Collection<?> c = (Collection<?>) v;
            if (c.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append("[\n");
            for (Object o : c) {
                b.append(in).append(INDENT);
                write(b, o, in + INDENT);
                b.append(",\n");
            }
            b.append(in).append(']');
        } else {
            escape(b, v.toString());
        }
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        escape(b, s.replace("\\", "\\\\").replace("\"", "\\\""));
        b.append('"');
    }

    /** Control characters (a name could carry escape sequences) become {@code \\u00XX}. */
    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0)) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
    }
}
