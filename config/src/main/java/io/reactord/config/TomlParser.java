package io.reactord.config;

import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

/**
 * Parses TOML 1.0 with tomlj and turns the result into {@link TomlNode}s that carry the line of
 * every key, table and array item, so that configuration errors can name {@code file:line}. The
 * first syntax error ends the parse with a {@link SyntaxError} (see {@link TomlErrors} for its text).
 */
final class TomlParser {

    /** A TOML syntax error at a line. */
    static final class SyntaxError extends Exception {
        final int line;

        SyntaxError(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** Deepest nesting of tables, arrays and inline tables accepted; deeper input is hostile, not configuration. */
    static final int MAX_DEPTH = 64;
    static final String TOO_DEEP = "values nested deeper than " + MAX_DEPTH + " levels";

    private final String text;
    private int[] lineStarts;

    private TomlParser(String text) {
        this.text = text;
    }

    /** Parses a whole document into its root table. */
    static TomlNode.Table parse(String text) throws SyntaxError {
        TomlParseResult result;
        try {
            result = Toml.parse(text, TomlVersion.V1_0_0);
        } catch (StackOverflowError e) {
            // tomlj's parser recurses once per level; it follows hundreds of levels before this
            throw new SyntaxError(1, TOO_DEEP);
        }
        if (result.hasErrors()) throw TomlErrors.translate(text, result);
        return new TomlParser(text).table(result, 1, 0);
    }

    private TomlNode.Table table(TomlTable t, int line, int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) throw new SyntaxError(line, TOO_DEEP);
        TomlNode.Table out = new TomlNode.Table(line);
        for (String key : t.keySet()) {
            List<String> path = List.of(key);
            TomlPosition pos = t.inputPositionOf(path);
            int keyLine = pos == null ? line : pos.line();
            Object v = t.get(path);
            boolean header = pos != null && v instanceof TomlArray a && holdsTables(a) && charAt(pos) == '[';
            out.entries.put(key, new TomlNode(value(v, keyLine, header, depth + 1), keyLine));
        }
        return out;
    }

    private Object value(Object v, int line, boolean arrayOfTables, int depth) throws SyntaxError {
        if (v instanceof TomlTable t) return table(t, line, depth);
        if (v instanceof TomlArray a) {
            if (depth > MAX_DEPTH) throw new SyntaxError(line, TOO_DEEP);
            TomlNode.Array out = new TomlNode.Array(arrayOfTables);
            for (int i = 0; i < a.size(); i++) {
                TomlPosition pos = a.inputPositionOf(i);
                int itemLine = pos == null ? line : arrayOfTables ? pos.line() : itemLine(pos);
                out.items.add(new TomlNode(value(a.get(i), itemLine, false, depth + 1), itemLine));
            }
            return out;
        }
        if (v instanceof TemporalAccessor) return new TomlNode.DateTime(v.toString());
        return v;
    }

    /** Whether an array holds tables (tomlj's own test for this is deprecated and throws). */
    static boolean holdsTables(TomlArray a) {
        return !a.isEmpty() && a.get(0) instanceof TomlTable;
    }

    /**
     * The line of the array item whose position tomlj gives as where its separator ended: the
     * first character after blanks, line breaks, commas and comments from there.
     */
    private int itemLine(TomlPosition pos) {
        int at = offset(pos);
        int line = pos.line();
        while (at >= 0 && at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') {
                line++;
            } else if (c == '#') {
                while (at + 1 < text.length() && text.charAt(at + 1) != '\n') at++;
            } else if (c != ' ' && c != '\t' && c != '\r' && c != ',') {
                return line;
            }
            at++;
        }
        return pos.line();
    }

    private char charAt(TomlPosition pos) {
        int at = offset(pos);
        return at >= 0 && at < text.length() ? text.charAt(at) : '\0';
    }

    /** The index in the text of a position (1-based line, 1-based column in code points), or -1. */
    private int offset(TomlPosition pos) {
        if (lineStarts == null) lineStarts = lineStarts(text);
        int line = pos.line();
        if (line < 1 || line > lineStarts.length) return -1;
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        int cols = Math.max(0, pos.column() - 1);
        if (text.codePointCount(start, end) < cols) return -1;
        return text.offsetByCodePoints(start, cols);
    }

    private static int[] lineStarts(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        int[] starts = new int[n];
        int k = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
        return starts;
    }
}
