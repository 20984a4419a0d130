package io.reactord.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;

/**
 * One value of a parsed TOML document together with the line it was written on. The value is a
 * {@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@link DateTime}, {@link Array} or
 * {@link Table}.
 */
record TomlNode(Object value, int line) {

    /** A TOML table: keys in document order; {@code line} is where it was opened. */
    static final class Table {
        final Map<String, TomlNode> entries = new LinkedHashMap<>();
        final int line;

        Table(int line) {
            this.line = line;
        }
    }

    /** A TOML array; {@code ofTables} when it was built by {@code [[header]]}s. */
    static final class Array {
        final List<TomlNode> items = new ArrayList<>();
        final boolean ofTables;

        Array(boolean ofTables) {
            this.ofTables = ofTables;
        }
    }

    /** A date, time or date-time in ISO form (no configuration key takes one). */
    record DateTime(String text) {}

    /** The TOML type name of this value as used in messages ("string", "integer", ...). */
    String typeName() {
        return typeName(value);
    }

    /** The type name with its article, e.g. "an integer", "a string". */
    String typeWithArticle() {
        String t = typeName();
        return ("aeiou".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t;
    }

    static String typeName(Object v) {
        if (v instanceof String) return "string";
        if (v instanceof Long) return "integer";
        if (v instanceof Double) return "float";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof DateTime) return "date-time";
        if (v instanceof Array a) return a.ofTables ? "array of tables" : "array";
        return "table";
    }

    /** A key as written in TOML: bare when it can be, quoted otherwise. */
    static String keyText(String key) {
        return Toml.joinKeyPath(List.of(key));
    }

    /** The value shortened for a message: strings quoted, long text cut. */
    String shortText() {
        String s;
        if (value instanceof String str) {
            s = '"' + str + '"';
        } else if (value instanceof Array || value instanceof Table) {
            return typeName();
        } else if (value instanceof DateTime d) {
            s = d.text();
        } else {
            s = String.valueOf(value);
        }
        return Diagnostic.printable(s.length() > 60 ? s.substring(0, 57) + "..." : s);
    }
}
