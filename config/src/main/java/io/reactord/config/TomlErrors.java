package io.reactord.config;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Turns tomlj's first syntax error into a one-line message that says what to fix, e.g.
 * {@code missing value for key 'stop'} instead of the grammar's list of expected tokens. Messages
 * it has no better wording for are passed on as tomlj wrote them; the line is always tomlj's,
 * except for an array left open, which is reported where it was opened.
 */
final class TomlErrors {
    private TomlErrors() {}

    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected (end of line|end of input|'(.*)'), expected (.*)");
    private static final Pattern REDEFINED = Pattern.compile("(.+) previously defined at line (\\d+), column \\d+");
    private static final Pattern NOT_TABLE = Pattern.compile("(.+) is not a table \\(previously defined at line (\\d+), column \\d+\\)");
    private static final Pattern ALREADY = Pattern.compile("(.+) already defined at line (\\d+), column \\d+");
    private static final Pattern ESCAPED = Pattern.compile("\\\\u([0-9a-fA-F]{4})|\\\\([btnfr])");
    private static final String VALUE = "a number, a boolean";
    /** Stands for "an array left open", which is reported on the line where it was opened. */
    private static final String OPEN_ARRAY = "\0open array";

    static TomlParser.SyntaxError translate(String text, TomlParseResult result) {
        TomlParseError e = result.errors().get(0);
        int line = e.position() == null ? 1 : e.position().line();
        int column = e.position() == null ? 1 : e.position().column();
        String m = e.getMessage() == null ? "invalid TOML" : e.getMessage();
        String message = message(text, result, line, column, m);
        if (message.equals(OPEN_ARRAY)) {
            int opened = lastArrayLine(result);
            return opened > 0 ? new TomlParser.SyntaxError(opened, "array opened here is never closed with ']'")
                    : new TomlParser.SyntaxError(line, "array is never closed with ']'");
        }
        return new TomlParser.SyntaxError(line, message);
    }

    private static String message(String text, TomlParseResult result, int line, int column, String m) {
        String before = lineBefore(text, line, column);
        Matcher u = UNEXPECTED.matcher(m);
        Matcher r;
        if (u.matches()) {
            String found = u.group(2);
            String expected = u.group(3);
            String control = found == null ? null : control(found);
            if (control != null) return control + (expected.contains("a character") ? " in string" : "");
            if (found == null && (expected.equals("]") || expected.equals("]]"))) {
                return "table header is not closed with '" + expected + "'";
            }
            if (found == null && expected.startsWith("]")) return OPEN_ARRAY;
            if (expected.contains(VALUE)) {
                String key = lastKey(before);
                String token = found == null ? "" : shorten(token(text, line, column));
                if (token.isEmpty()) return "missing value" + (key.isEmpty() ? "" : " for key '" + key + "'");
                return "invalid value '" + token + "' (strings must be quoted, e.g. \"" + token + "\")";
            }
            if (expected.equals(". or =") || expected.startsWith("a-z, A-Z, 0-9, ', \", ., or =")) {
                return "expected '=' after key '" + shorten(before.strip()) + "'";
            }
            if (found != null && expected.startsWith("a-z, A-Z, 0-9")) return "unexpected '" + found + "' where a key was expected";
            if (found == null && expected.equals("}")) return "inline table must be closed with '}' on the same line";
            if (found == null && expected.equals("\" or a character")) return "string is not closed with '\"' on the same line";
            if (found == null && expected.equals("'")) return "string is not closed with \"'\" on the same line";
            if (found == null && expected.equals("\"\"\" or a character")) return "multi-line string is never closed with '\"\"\"'";
            if (found == null && expected.equals("'''")) return "multi-line string is never closed with \"'''\"";
            if (found != null && expected.startsWith("a newline or end-of-input")) {
                return "unexpected '" + found + "' after value (one key = value per line)";
            }
        } else if (m.startsWith("Invalid escape sequence")) {
            return "invalid escape sequence" + m.substring("Invalid escape sequence".length())
                    + " (use '\\\\' for a backslash, or a 'literal string')";
        } else if ((r = REDEFINED.matcher(m)).matches()) {
            return before.isBlank() && text.startsWith("[", lineStart(text, line) + before.length())
                    ? "duplicate definition of [" + r.group(1) + "] (first defined on line " + r.group(2) + ")"
                    : "duplicate key '" + r.group(1) + "' (first set on line " + r.group(2) + ")";
        } else if ((r = NOT_TABLE.matcher(m)).matches()) {
            return "'" + r.group(1) + "' is already a value (line " + r.group(2) + "), not a table";
        } else if ((r = ALREADY.matcher(m)).matches()) {
            return "'" + r.group(1) + "' is already defined on line " + r.group(2) + " and cannot be extended";
        }
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /** How a control character that tomlj shows escaped is named in messages, or null for other characters. */
    private static String control(String found) {
        Matcher c = ESCAPED.matcher(found);
        if (!c.matches()) return null;
        int cp = c.group(1) != null ? Integer.parseInt(c.group(1), 16) : "\b\t\n\f\r".charAt("btnfr".indexOf(c.group(2)));
        return cp == 13 ? "carriage return without line feed" : String.format("control character U+%04X", cp);
    }

    /** The key being assigned in {@code before} (text of the line up to the error), e.g. "stop" for "stop =". */
    private static String lastKey(String before) {
        String s = before.stripTrailing();
        if (!s.endsWith("=")) return "";
        s = s.substring(0, s.length() - 1).stripTrailing();
        int from = Math.max(Math.max(s.lastIndexOf('{'), s.lastIndexOf(',')), s.lastIndexOf('[')) + 1;
        return shorten(s.substring(from).strip());
    }

    /** The unquoted token at the error position, up to the next separator. */
    private static String token(String text, int line, int column) {
        int start = lineStart(text, line) + lineBefore(text, line, column).length();
        int end = start;
        while (end < text.length() && " \t\r\n,]}#".indexOf(text.charAt(end)) < 0) end++;
        return text.substring(Math.min(start, end), end);
    }

    /** The text of {@code line} before {@code column} (1-based, in code points). */
    private static String lineBefore(String text, int line, int column) {
        int start = lineStart(text, line);
        int end = text.indexOf('\n', start);
        String l = text.substring(start, end < 0 ? text.length() : end);
        int cols = Math.max(0, Math.min(column - 1, l.codePointCount(0, l.length())));
        return l.substring(0, l.offsetByCodePoints(0, cols));
    }

    private static int lineStart(String text, int line) {
        int at = 0;
        for (int i = 1; i < line && at >= 0; i++) {
            at = text.indexOf('\n', at);
            if (at >= 0) at++;
        }
        return at < 0 ? text.length() : at;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /**
     * The line of the last key tomlj read before the error when that key holds an (unfinished)
     * array, else 0: the array left open is the last value tomlj started.
     */
    private static int lastArrayLine(TomlTable root) {
        int[] last = {0, 0}; // line, 1 when it holds an array
        lastKey(root, last, 0);
        return last[1] == 1 ? last[0] : 0;
    }

    private static void lastKey(TomlTable t, int[] last, int depth) {
        if (depth > TomlParser.MAX_DEPTH) return;
        for (String key : t.keySet()) {
            List<String> path = List.of(key);
            Object v = t.get(path);
            TomlPosition pos = t.inputPositionOf(path);
            if (pos != null && pos.line() >= last[0]) {
                last[0] = pos.line();
                last[1] = v instanceof TomlArray a && !TomlParser.holdsTables(a) ? 1 : 0;
            }
            if (v instanceof TomlTable sub) lastKey(sub, last, depth + 1);
            if (v instanceof TomlArray a && TomlParser.holdsTables(a) && !a.isEmpty() && a.get(a.size() - 1) instanceof TomlTable end) {
                lastKey(end, last, depth + 1);
            }
        }
    }
}
