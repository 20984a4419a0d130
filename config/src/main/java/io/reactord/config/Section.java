package io.reactord.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, checked access to one TOML table. Each accessor names a key and its default and records
 * the key as known; a wrong type or value becomes an error ({@code file:line: message}) and the
 * default is returned, so that reading continues and every mistake is reported. {@link #finish()}
 * reports keys that no accessor asked for, naming the closest known key.
 */
final class Section {
    final Issues issues;
    final Path file;
    final TomlNode.Table table;
    /** How the table is named in messages, e.g. {@code [promoter.resources.r0]}. */
    final String where;
    private final Set<String> known = new LinkedHashSet<>();

    Section(Issues issues, Path file, TomlNode.Table table, String where) {
        this.issues = issues;
        this.file = file;
        this.table = table;
        this.where = where;
    }

    int line() {
        return table.line;
    }

    void error(int line, String message) {
        issues.error(file, line, message);
    }

    void warn(int line, String message) {
        issues.warn(file, line, message);
    }

    /** The node of {@code key} (null when absent); marks the key as known. */
    TomlNode node(String key) {
        known.add(key);
        return table.entries.get(key);
    }

    boolean has(String key) {
        return table.entries.containsKey(key);
    }

    private void typeError(String key, TomlNode n, String expected) {
        error(n.line(), "'" + key + "' must be " + expected + ", got " + n.typeName() + " " + n.shortText());
    }

    String string(String key, String def) {
        TomlNode n = node(key);
        if (n == null) return def;
        if (n.value() instanceof String s) return s;
        typeError(key, n, "a string");
        return def;
    }

    boolean bool(String key, boolean def) {
        TomlNode n = node(key);
        if (n == null) return def;
        if (n.value() instanceof Boolean b) return b;
        typeError(key, n, "a boolean (true or false)");
        return def;
    }

    long integer(String key, long def, long min, long max) {
        TomlNode n = node(key);
        if (n == null) return def;
        if (n.value() instanceof Long l) {
            if (l >= min && l <= max) return l;
            error(n.line(), "'" + key + "' must be between " + min + " and " + max + ", got " + l);
            return def;
        }
        typeError(key, n, "an integer between " + min + " and " + max);
        return def;
    }

    double number(String key, double def, double min, double max) {
        TomlNode n = node(key);
        if (n == null) return def;
        double v;
        if (n.value() instanceof Long l) v = l;
        else if (n.value() instanceof Double d) v = d;
        else {
            typeError(key, n, "a number between " + fmt(min) + " and " + fmt(max));
            return def;
        }
        if (v >= min && v <= max) return v;
        error(n.line(), "'" + key + "' must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(v));
        return def;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    Duration duration(String key, Duration def, Duration min, Duration max) {
        TomlNode n = node(key);
        if (n == null) return def;
        Duration d;
        try {
            if (n.value() instanceof Long l && l < 0 || n.value() instanceof Double x && x < 0) {
                error(n.line(), "'" + key + "' must be between " + Durations.format(min) + " and " + Durations.format(max)
                        + ", got " + n.shortText());
                return def;
            }
            if (n.value() instanceof Long l) d = Durations.ofSeconds(l);
            else if (n.value() instanceof Double x) d = Durations.ofSeconds(x);
            else if (n.value() instanceof String s) d = Durations.parse(s);
            else {
                typeError(key, n, Durations.FORMS);
                return def;
            }
        } catch (IllegalArgumentException e) {
            error(n.line(), "'" + key + "' " + e.getMessage());
            return def;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            error(n.line(), "'" + key + "' must be between " + Durations.format(min) + " and " + Durations.format(max)
                    + ", got " + Durations.format(d));
            return def;
        }
        return d;
    }

    /** An absolute path; {@code base} resolves relative paths when non-null, otherwise they are an error. */
    Path path(String key, Path def, Path base) {
        TomlNode n = node(key);
        if (n == null) return def;
        if (!(n.value() instanceof String s)) {
            typeError(key, n, "a path string");
            return def;
        }
        if (s.isEmpty() || s.indexOf('\0') >= 0) {
            error(n.line(), "'" + key + "' must be a non-empty path, got " + n.shortText());
            return def;
        }
        try {
            Path p = Path.of(s);
            if (!p.isAbsolute()) {
                if (base == null) {
                    error(n.line(), "'" + key + "' must be an absolute path, got " + n.shortText());
                    return def;
                }
                p = base.resolve(p);
            }
            return p.normalize();
        } catch (RuntimeException e) {
            error(n.line(), "'" + key + "' is not a valid path: " + n.shortText());
            return def;
        }
    }

    /** A list of strings: each item's node (for its line), or an empty list when absent or wrong. */
    List<TomlNode> strings(String key) {
        TomlNode n = node(key);
        if (n == null) return List.of();
        if (!(n.value() instanceof TomlNode.Array a) || a.ofTables) {
            typeError(key, n, "a list of strings, e.g. [\"a\", \"b\"]");
            return List.of();
        }
        List<TomlNode> out = new ArrayList<>();
        for (TomlNode item : a.items) {
            if (item.value() instanceof String) out.add(item);
            else error(item.line(), "'" + key + "' items must be strings, got " + item.typeName() + " " + item.shortText());
        }
        return out;
    }

    /** An enumerated value parsed from its TOML spelling; the parser's message lists the allowed values. */
    <E> E choice(String key, E def, Function<String, E> parser) {
        TomlNode n = node(key);
        if (n == null) return def;
        if (!(n.value() instanceof String s)) {
            String allowed;
            try {
                parser.apply("\0");
                allowed = "a string";
            } catch (IllegalArgumentException e) {
                allowed = e.getMessage().replaceFirst(", got .*", "").replaceFirst("^must be ", "") + " (a string)";
            }
            typeError(key, n, allowed);
            return def;
        }
        try {
            return parser.apply(s);
        } catch (IllegalArgumentException e) {
            error(n.line(), "'" + key + "' " + e.getMessage());
            return def;
        }
    }

    /** A sub-table, or null when absent (or not a table, which is an error). */
    Section table(String key) {
        TomlNode n = node(key);
        if (n == null) return null;
        if (n.value() instanceof TomlNode.Table t) return new Section(issues, file, t, sub(key));
        typeError(key, n, "a table");
        return null;
    }

    /** The tables of an array of tables (a single table counts as one), empty when absent. */
    List<Section> tables(String key) {
        TomlNode n = node(key);
        if (n == null) return List.of();
        if (n.value() instanceof TomlNode.Table t) return List.of(new Section(issues, file, t, "[" + subName(key) + "]"));
        List<Section> out = new ArrayList<>();
        if (n.value() instanceof TomlNode.Array a) {
            for (TomlNode item : a.items) {
                if (item.value() instanceof TomlNode.Table t) {
                    out.add(new Section(issues, file, t, "[[" + subName(key) + "]]"));
                } else {
                    error(item.line(), "'" + key + "' must be written as [[" + subName(key) + "]] tables, got "
                            + item.typeWithArticle() + " item " + item.shortText());
                }
            }
            return out;
        }
        typeError(key, n, "written as [[" + subName(key) + "]] tables");
        return List.of();
    }

    /** A key accepted for compatibility but ignored: warns once when present. */
    void deprecated(String key, String why) {
        TomlNode n = node(key);
        if (n != null) warn(n.line(), "'" + key + "' in " + where + " is deprecated and ignored" + (why.isEmpty() ? "" : "; " + why));
    }

    /** The name of sub-table {@code key} for messages. */
    String sub(String key) {
        return "[" + subName(key) + "]";
    }

    private String subName(String key) {
        int from = 0;
        int to = where.length();
        while (from < to && where.charAt(from) == '[') from++;
        while (to > from && where.charAt(to - 1) == ']') to--;
        String base = where.substring(from, to);
        return (base.isEmpty() ? "" : base + ".") + TomlNode.keyText(key);
    }

    /** Reports every key that no accessor asked for, with the closest known key. */
    void finish() {
        for (Map.Entry<String, TomlNode> e : table.entries.entrySet()) {
            if (known.contains(e.getKey())) continue;
            String key = e.getKey();
            String hint = Suggest.closest(key, known);
            String in = where.isEmpty() ? "" : " in " + where;
            boolean isTable = e.getValue().value() instanceof TomlNode.Table
                    || e.getValue().value() instanceof TomlNode.Array a && a.ofTables;
            error(e.getValue().line(), "unknown " + (isTable ? "table" : "key") + " '" + key + "'" + in
                    + (hint != null ? "; did you mean '" + hint + "'?"
                    : known.isEmpty() ? "" : " (valid keys: " + String.join(", ", known) + ")"));
        }
    }
}
