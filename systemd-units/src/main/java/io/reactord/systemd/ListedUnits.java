package io.reactord.systemd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manager's {@code ListUnitsByNames} through {@code busctl --json=short}: the busctl command that talks
 * to the same manager as a systemctl prefix, a reader of the reply's load, active and sub state, and the
 * rule that completes a stopped unit's state without asking systemctl for it. The reply is read with
 * jackson-core's streaming parser (no object mapper: its start-up would cost a short-lived reactorctl more than
 * the call), into plain lists, strings and numbers.
 */
final class ListedUnits {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** Deepest nesting accepted; the reply nests three arrays in an object. */
    private static final int MAX_DEPTH = 8;

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
        return SystemdNames.resultInterface(unit) != null;
    }

    /** The rows of a {@code a(ssssssouso)} reply, in order; throws when the text is not such a reply. */
    static List<Row> parse(String json) {
        Object root;
        try (JsonParser p = FACTORY.createParser(json)) {
            root = value(p, p.nextToken(), 0);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing text after the reply");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> m) || !"a(ssssssouso)".equals(m.get("type")) || !(m.get("data") instanceof List<?> data)
                || data.size() != 1 || !(data.get(0) instanceof List<?> entries)) {
            throw new IllegalArgumentException("not a ListUnitsByNames reply");
        }
        List<Row> out = new ArrayList<>(entries.size());
        for (Object e : entries) {
            if (!(e instanceof List<?> f) || f.size() != 10 || !(f.get(0) instanceof String name) || !(f.get(2) instanceof String load)
                    || !(f.get(3) instanceof String active) || !(f.get(4) instanceof String sub)) {
                throw new IllegalArgumentException("unexpected unit entry");
            }
            out.add(new Row(name, load, active, sub));
        }
        return out;
    }

    /** One JSON value: objects as maps, arrays as lists, strings, numbers as text, true/false/null as Boolean/null. */
    private static Object value(JsonParser p, JsonToken t, int depth) throws IOException {
        if (t == null) {
            throw new IllegalArgumentException("empty reply");
        }
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH);
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken(), depth + 1));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    l.add(value(p, v, depth + 1));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected " + t);
        }
    }
}
