package io.reactord.ctl.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manager's {@code ListUnitsByNames} through {@code busctl --json=short}: the busctl command that talks
 * to the same manager as a systemctl prefix, a reader of the reply's load, active and sub state, and the
 * rule that completes a stopped unit's state without asking systemctl for it. The
 * reader understands only the JSON busctl prints for this one call (nested arrays of strings and numbers
 * in one object), so no JSON library is loaded on the status path.
 */
final class ListedUnits {
    /** One listed unit: name, load state, active state, sub state. */
    record Row(String name, String load, String active, String sub) {}

    private ListedUnits() {}

    /**
     * {@code busctl} with the connection options of {@code systemctl} (--user, --system, -H, -M), or empty
     * when the prefix is not plain systemctl with only those options.
     */
    static Optional<List<String>> busctlFor(List<String> systemctl) {
        Path first = Path.of(systemctl.get(0));
        if (!"systemctl".equals(String.valueOf(first.getFileName()))) {
            return Optional.empty();
        }
        Path parent = first.getParent();
        List<String> out = new ArrayList<>(List.of(parent == null ? "busctl" : parent.resolve("busctl").toString()));
        for (int i = 1; i < systemctl.size(); i++) {
            String a = systemctl.get(i);
            if (a.equals("--user") || a.equals("--system") || a.startsWith("--host=") || a.startsWith("--machine=")
                    || (a.length() > 2 && (a.startsWith("-H") || a.startsWith("-M")))) {
                out.add(a);
            } else if ((a.equals("-H") || a.equals("-M") || a.equals("--host") || a.equals("--machine")) && i + 1 < systemctl.size()) {
                out.add(a);
                out.add(systemctl.get(++i));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** The arguments after the busctl command that list {@code units}. */
    static List<String> callArgs(List<String> units) {
        List<String> a = new ArrayList<>(List.of("--no-pager", "--json=short", "call", "org.freedesktop.systemd1",
                "/org/freedesktop/systemd1", "org.freedesktop.systemd1.Manager", "ListUnitsByNames", "as",
                Integer.toString(units.size())));
        a.addAll(units);
        return a;
    }

    /**
     * The units (of {@code distinct}, listed as {@code rows}) that need a {@code systemctl show}: all but the
     * stopped ones that are loaded or not found; at least one, which tells whether the manager has a
     * freezer state at all.
     */
    static List<String> toShow(List<String> distinct, List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (!"inactive".equals(r.active()) || !("loaded".equals(r.load()) || "not-found".equals(r.load()))) {
                out.add(distinct.get(i));
            }
        }
        if (out.isEmpty()) {
            out.add(distinct.get(0));
        }
        return out;
    }

    /**
     * The state of each of {@code units}: as {@code shown} where it was, else what systemctl shows for a
     * stopped unit: freezer state running (when the manager has one), result success for the unit types
     * that have a result (also when not found), and an empty unit file state.
     */
    static Map<String, UnitState> merge(List<String> units, List<String> distinct, List<Row> rows, Map<String, UnitState> shown) {
        String freezer = shown.values().stream().anyMatch(s -> !s.freezerState().isEmpty()) ? "running" : "";
        Map<String, UnitState> byName = new LinkedHashMap<>(shown);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String u = distinct.get(i);
            if (!byName.containsKey(u)) {
                byName.put(u, new UnitState(u, r.load(), r.active(), r.sub(), freezer, "", hasResult(u) ? "success" : ""));
            }
        }
        Map<String, UnitState> out = new LinkedHashMap<>();
        for (String u : units) {
            out.put(u, byName.get(u));
        }
        return out;
    }

    /** Whether systemd has a {@code Result} property for the unit's type. */
    static boolean hasResult(String unit) {
        return switch (unit.substring(unit.lastIndexOf('.') + 1)) {
            case "service", "socket", "mount", "swap", "timer", "path", "automount", "scope" -> true;
            default -> false;
        };
    }

    /** The rows of a {@code a(ssssssouso)} reply, in order; throws when the text is not such a reply. */
    static List<Row> parse(String json) {
        Object root = new Reader(json).document();
        if (!(root instanceof Map<?, ?> m) || !"a(ssssssouso)".equals(m.get("type"))
                || !(m.get("data") instanceof List<?> data) || data.size() != 1 || !(data.get(0) instanceof List<?> rows)) {
            throw new IllegalArgumentException("not a ListUnitsByNames reply");
        }
        List<Row> out = new ArrayList<>(rows.size());
        for (Object r : rows) {
            if (!(r instanceof List<?> f) || f.size() != 10 || !(f.get(0) instanceof String name) || !(f.get(2) instanceof String load)
                    || !(f.get(3) instanceof String active) || !(f.get(4) instanceof String sub)) {
                throw new IllegalArgumentException("unexpected unit entry");
            }
            out.add(new Row(name, load, active, sub));
        }
        return out;
    }

    /** A strict reader of JSON values: objects, arrays, strings, numbers (kept as text), literals. */
    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        Object document() {
            Object v = value();
            space();
            if (i != s.length()) {
                throw error();
            }
            return v;
        }

        private Object value() {
            space();
            if (i >= s.length()) {
                throw error();
            }
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                if (!peek('}')) {
                    do {
                        space();
                        String k = string();
                        expect(':');
                        m.put(k, value());
                    } while (peek(','));
                }
                expect('}');
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                if (!peek(']')) {
                    do {
                        l.add(value());
                    } while (peek(','));
                }
                expect(']');
                return l;
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && "+-.0123456789eEtruefalsn".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error();
            }
            return s.substring(start, i);
        }

        private String string() {
            if (i >= s.length() || s.charAt(i) != '"') {
                throw error();
            }
            StringBuilder sb = new StringBuilder();
            for (i++; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    i++;
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (++i >= s.length()) {
                    break;
                }
                char e = s.charAt(i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 >= s.length()) {
                            throw error();
                        }
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
            throw error();
        }

        /** Skips spaces; consumes {@code c} and returns true when it comes next. */
        private boolean peek(char c) {
            space();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error();
            }
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error() {
            return new IllegalArgumentException("malformed JSON at offset " + i);
        }
    }
}
