package io.reactord.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A TOML 1.0 reader that remembers the line of every key, table header and array item, so that
 * configuration errors can name {@code file:line}. It implements what configuration files use:
 * bare, quoted and dotted keys, tables, arrays of tables, inline tables, arrays over several lines,
 * all four string forms, integers, floats, booleans and date-times (kept as text). The first syntax
 * error ends the parse with a {@link SyntaxError} that carries its line.
 */
final class TomlReader {

    /** A TOML syntax error at a line. */
    static final class SyntaxError extends Exception {
        final int line;

        SyntaxError(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([Zz]|[+-]\\d{2}:\\d{2})?)?"
                    + "|\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
    private static final Pattern DEC_INT = Pattern.compile("[+-]?(0|[1-9](_?\\d)*)");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(0|[1-9](_?\\d)*)((\\.\\d(_?\\d)*)([eE][+-]?\\d(_?\\d)*)?|[eE][+-]?\\d(_?\\d)*)|[+-]?(inf|nan)");

    private static final Pattern LOCAL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern HEX = Pattern.compile("0x[0-9A-Fa-f](_?[0-9A-Fa-f])*");
    private static final Pattern OCT = Pattern.compile("0o[0-7](_?[0-7])*");
    private static final Pattern BIN = Pattern.compile("0b[01](_?[01])*");
    private static final Pattern HEX_DIGITS = Pattern.compile("[0-9A-Fa-f]+");

    private final String text;
    private int pos;
    private int line = 1;
    private final TomlNode.Table root = new TomlNode.Table(1, TomlNode.Origin.HEADER);
    private TomlNode.Table current = root;
    private int depth;
    /** Deepest nesting of arrays and inline tables accepted; deeper input is hostile, not configuration. */
    static final int MAX_DEPTH = 64;

    private TomlReader(String text) {
        this.text = text;
    }

    /** Parses a whole document into its root table. */
    static TomlNode.Table parse(String text) throws SyntaxError {
        TomlReader r = new TomlReader(text);
        r.document();
        return r.root;
    }

    private void document() throws SyntaxError {
        while (true) {
            skipBlank();
            if (eof()) return;
            char c = peek();
            if (c == '\n' || c == '\r') {
                newline();
            } else if (c == '#') {
                comment();
            } else if (c == '[') {
                header();
                endOfLine();
            } else {
                keyValue(current);
                endOfLine();
            }
        }
    }

    // ---- structure

    private void header() throws SyntaxError {
        int headerLine = line;
        pos++;
        boolean array = !eof() && peek() == '[';
        if (array) pos++;
        skipBlank();
        List<String> keys = key();
        skipBlank();
        expect(']', "expected ']' to close the table header");
        if (array) expect(']', "expected ']]' to close the array-of-tables header");
        TomlNode.Table t = root;
        for (int i = 0; i < keys.size() - 1; i++) {
            t = descend(t, keys.get(i), headerLine, keys, false);
        }
        String last = keys.get(keys.size() - 1);
        TomlNode existing = t.entries.get(last);
        if (array) {
            TomlNode.Array arr;
            if (existing == null) {
                arr = new TomlNode.Array(true);
                t.entries.put(last, new TomlNode(arr, headerLine));
            } else if (existing.value() instanceof TomlNode.Array a && a.ofTables) {
                arr = a;
            } else {
                throw new SyntaxError(headerLine, "[[" + dotted(keys) + "]] redefines '" + last
                        + "' from line " + existing.line() + " as an array of tables");
            }
            current = new TomlNode.Table(headerLine, TomlNode.Origin.ARRAY_ELEMENT);
            arr.items.add(new TomlNode(current, headerLine));
        } else {
            if (existing == null) {
                current = new TomlNode.Table(headerLine, TomlNode.Origin.HEADER);
                t.entries.put(last, new TomlNode(current, headerLine));
            } else if (existing.value() instanceof TomlNode.Table et
                    && et.origin == TomlNode.Origin.IMPLICIT) {
                et.origin = TomlNode.Origin.HEADER;
                current = et;
            } else {
                throw new SyntaxError(headerLine, "duplicate definition of [" + dotted(keys)
                        + "] (first defined on line " + existing.line() + ")");
            }
        }
    }

    /** Steps into (creating when needed) table {@code key} of {@code t} on the way to a header or dotted key. */
    private TomlNode.Table descend(TomlNode.Table t, String key, int atLine, List<String> keys, boolean dottedKey)
            throws SyntaxError {
        TomlNode n = t.entries.get(key);
        if (n == null) {
            TomlNode.Table nt = new TomlNode.Table(atLine,
                    dottedKey ? TomlNode.Origin.DOTTED : TomlNode.Origin.IMPLICIT);
            t.entries.put(key, new TomlNode(nt, atLine));
            return nt;
        }
        if (n.value() instanceof TomlNode.Table nt) {
            if (nt.origin == TomlNode.Origin.INLINE) {
                throw new SyntaxError(atLine, "'" + key + "' is an inline table (line " + n.line()
                        + ") and cannot be extended");
            }
            if (dottedKey && nt.origin != TomlNode.Origin.DOTTED) {
                throw new SyntaxError(atLine, "dotted key '" + dotted(keys) + "' cannot add to table '"
                        + key + "' defined on line " + n.line());
            }
            return nt;
        }
        if (!dottedKey && n.value() instanceof TomlNode.Array a && a.ofTables && !a.items.isEmpty()) {
            return (TomlNode.Table) a.items.get(a.items.size() - 1).value();
        }
        throw new SyntaxError(atLine, "'" + key + "' is already " + n.typeWithArticle() + " (line " + n.line()
                + "), not a table");
    }

    private void keyValue(TomlNode.Table into) throws SyntaxError {
        int keyLine = line;
        List<String> keys = key();
        skipBlank();
        if (eof() || peek() != '=') {
            throw new SyntaxError(keyLine, "expected '=' after key '" + Diagnostic.printable(dotted(keys)) + "'");
        }
        pos++;
        skipBlank();
        if (eof() || peek() == '\n' || peek() == '\r' || peek() == '#') {
            throw new SyntaxError(keyLine, "missing value for key '" + Diagnostic.printable(dotted(keys)) + "'");
        }
        TomlNode.Table t = into;
        for (int i = 0; i < keys.size() - 1; i++) {
            t = descend(t, keys.get(i), keyLine, keys, true);
        }
        String last = keys.get(keys.size() - 1);
        TomlNode existing = t.entries.get(last);
        if (existing != null) {
            throw new SyntaxError(keyLine, "duplicate key '" + Diagnostic.printable(dotted(keys))
                    + "' (first set on line " + existing.line() + ")");
        }
        Object v = value();
        t.entries.put(last, new TomlNode(v, keyLine));
    }

    private List<String> key() throws SyntaxError {
        List<String> parts = new ArrayList<>();
        while (true) {
            skipBlank();
            if (eof()) throw new SyntaxError(line, "expected a key");
            char c = peek();
            if (c == '"') {
                pos++;
                parts.add(basicString());
            } else if (c == '\'') {
                pos++;
                parts.add(literalString());
            } else {
                int start = pos;
                while (!eof() && isBare(peek())) pos++;
                if (pos == start) {
                    throw new SyntaxError(line, "unexpected " + describe(c) + " where a key was expected");
                }
                parts.add(text.substring(start, pos));
            }
            skipBlank();
            if (!eof() && peek() == '.') {
                pos++;
                continue;
            }
            return parts;
        }
    }

    // ---- values

    private Object value() throws SyntaxError {
        if (eof()) throw new SyntaxError(line, "expected a value");
        char c = peek();
        if (c == '"') {
            if (text.startsWith("\"\"\"", pos)) {
                pos += 3;
                return multiLineBasic();
            }
            pos++;
            return basicString();
        }
        if (c == '\'') {
            if (text.startsWith("'''", pos)) {
                pos += 3;
                return multiLineLiteral();
            }
            pos++;
            return literalString();
        }
        if (c == '[' || c == '{') {
            if (++depth > MAX_DEPTH) throw new SyntaxError(line, "values nested deeper than " + MAX_DEPTH + " levels");
            try {
                return c == '[' ? array() : inlineTable();
            } finally {
                depth--;
            }
        }
        int start = pos;
        while (!eof() && !isValueEnd(peek())) pos++;
        String tok = text.substring(start, pos);
        // a date and a time separated by one space form one value
        if (LOCAL_DATE.matcher(tok).matches() && text.startsWith(" ", pos) && pos + 1 < text.length()
                && Character.isDigit(text.charAt(pos + 1))) {
            int save = pos;
            pos++;
            while (!eof() && !isValueEnd(peek())) pos++;
            String both = text.substring(start, pos);
            if (DATE_TIME.matcher(both).matches()) return new TomlNode.DateTime(both);
            pos = save;
        }
        return scalar(tok);
    }

    private Object scalar(String tok) throws SyntaxError {
        if (tok.equals("true")) return Boolean.TRUE;
        if (tok.equals("false")) return Boolean.FALSE;
        if (tok.isEmpty()) throw new SyntaxError(line, "expected a value");
        try {
            if (DEC_INT.matcher(tok).matches()) return Long.parseLong(tok.replace("_", ""));
            if (HEX.matcher(tok).matches()) return Long.parseLong(tok.substring(2).replace("_", ""), 16);
            if (OCT.matcher(tok).matches()) return Long.parseLong(tok.substring(2).replace("_", ""), 8);
            if (BIN.matcher(tok).matches()) return Long.parseLong(tok.substring(2).replace("_", ""), 2);
        } catch (NumberFormatException e) {
            throw new SyntaxError(line, "integer " + Diagnostic.printable(tok) + " is out of range");
        }
        if (FLOAT.matcher(tok).matches()) {
            String t = tok.replace("_", "");
            if (t.endsWith("inf")) return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            if (t.endsWith("nan")) return Double.NaN;
            return Double.parseDouble(t);
        }
        if (DATE_TIME.matcher(tok).matches()) return new TomlNode.DateTime(tok);
        String shown = tok.length() > 40 ? tok.substring(0, 37) + "..." : tok;
        throw new SyntaxError(line, "invalid value '" + Diagnostic.printable(shown)
                + "' (strings must be quoted, e.g. \"" + Diagnostic.printable(shown) + "\")");
    }

    private TomlNode.Array array() throws SyntaxError {
        int openLine = line;
        pos++;
        TomlNode.Array arr = new TomlNode.Array(false);
        while (true) {
            skipArrayBlank();
            if (eof()) throw new SyntaxError(openLine, "array opened here is never closed with ']'");
            if (peek() == ']') {
                pos++;
                return arr;
            }
            int itemLine = line;
            arr.items.add(new TomlNode(value(), itemLine));
            skipArrayBlank();
            if (eof()) throw new SyntaxError(openLine, "array opened here is never closed with ']'");
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return arr;
            } else {
                throw new SyntaxError(line, "expected ',' or ']' in array, found " + describe(c));
            }
        }
    }

    private TomlNode.Table inlineTable() throws SyntaxError {
        int openLine = line;
        pos++;
        TomlNode.Table t = new TomlNode.Table(openLine, TomlNode.Origin.INLINE);
        skipBlank();
        if (!eof() && peek() == '}') {
            pos++;
            return t;
        }
        while (true) {
            skipBlank();
            keyValue(t);
            skipBlank();
            if (eof() || peek() == '\n' || peek() == '\r') {
                throw new SyntaxError(openLine, "inline table must be closed with '}' on the same line");
            }
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                markInline(t);
                return t;
            } else {
                throw new SyntaxError(line, "expected ',' or '}' in inline table, found " + describe(c));
            }
        }
    }

    private static void markInline(TomlNode.Table t) {
        t.origin = TomlNode.Origin.INLINE;
        for (TomlNode n : t.entries.values()) {
            if (n.value() instanceof TomlNode.Table sub) markInline(sub);
        }
    }

    // ---- strings

    private String basicString() throws SyntaxError {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (eof() || peek() == '\n' || peek() == '\r') {
                throw new SyntaxError(line, "string is not closed with '\"' on the same line");
            }
            char c = text.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c == '\\') {
                escape(sb);
            } else {
                checkControl(c);
                sb.append(c);
            }
        }
    }

    private String literalString() throws SyntaxError {
        int start = pos;
        while (true) {
            if (eof() || peek() == '\n' || peek() == '\r') {
                throw new SyntaxError(line, "string is not closed with \"'\" on the same line");
            }
            char c = text.charAt(pos++);
            if (c == '\'') return text.substring(start, pos - 1);
            checkControl(c);
        }
    }

    private String multiLineBasic() throws SyntaxError {
        int openLine = line;
        StringBuilder sb = new StringBuilder();
        skipFirstNewline();
        while (true) {
            if (eof()) throw new SyntaxError(openLine, "multi-line string opened here is never closed with '\"\"\"'");
            if (text.startsWith("\"\"\"", pos)) {
                pos += 3;
                // up to two quotes may directly precede the closing delimiter
                for (int i = 0; i < 2 && !eof() && peek() == '"'; i++) {
                    sb.append('"');
                    pos++;
                }
                return sb.toString();
            }
            char c = text.charAt(pos);
            if (c == '\\') {
                pos++;
                int save = pos;
                skipBlank();
                if (!eof() && (peek() == '\n' || peek() == '\r')) {
                    // line-ending backslash: trim the newline and following whitespace
                    while (!eof() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
                        if (peek() == '\n' || peek() == '\r') newline();
                        else pos++;
                    }
                    continue;
                }
                pos = save;
                escape(sb);
            } else if (c == '\n' || c == '\r') {
                newline();
                sb.append('\n');
            } else {
                checkControl(c);
                sb.append(c);
                pos++;
            }
        }
    }

    private String multiLineLiteral() throws SyntaxError {
        int openLine = line;
        StringBuilder sb = new StringBuilder();
        skipFirstNewline();
        while (true) {
            if (eof()) throw new SyntaxError(openLine, "multi-line string opened here is never closed with \"'''\"");
            if (text.startsWith("'''", pos)) {
                pos += 3;
                for (int i = 0; i < 2 && !eof() && peek() == '\''; i++) {
                    sb.append('\'');
                    pos++;
                }
                return sb.toString();
            }
            char c = text.charAt(pos);
            if (c == '\n' || c == '\r') {
                newline();
                sb.append('\n');
            } else {
                checkControl(c);
                sb.append(c);
                pos++;
            }
        }
    }

    private void skipFirstNewline() throws SyntaxError {
        if (!eof() && (peek() == '\n' || peek() == '\r')) newline();
    }

    private void escape(StringBuilder sb) throws SyntaxError {
        if (eof()) throw new SyntaxError(line, "unfinished escape sequence");
        char e = text.charAt(pos++);
        switch (e) {
            case 'b' -> sb.append('\b');
            case 't' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'f' -> sb.append('\f');
            case 'r' -> sb.append('\r');
            case 'e' -> sb.append('\u001b');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'u', 'U' -> {
                int n = e == 'u' ? 4 : 8;
                if (pos + n > text.length()) throw new SyntaxError(line, "short \\" + e + " escape");
                String hex = text.substring(pos, pos + n);
                if (!HEX_DIGITS.matcher(hex).matches()) {
                    throw new SyntaxError(line, "invalid \\" + e + " escape '" + Diagnostic.printable(hex) + "'");
                }
                int cp = (int) Long.parseLong(hex, 16);
                if (!Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    throw new SyntaxError(line, "\\" + e + hex + " is not a Unicode scalar value");
                }
                sb.appendCodePoint(cp);
                pos += n;
            }
            default -> throw new SyntaxError(line, "invalid escape sequence '\\" + Diagnostic.printable(String.valueOf(e))
                    + "' (use '\\\\' for a backslash, or a 'literal string')");
        }
    }

    private void checkControl(char c) throws SyntaxError {
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            throw new SyntaxError(line, describe(c) + " in string");
        }
    }

    // ---- lexical helpers

    private void endOfLine() throws SyntaxError {
        skipBlank();
        if (eof()) return;
        char c = peek();
        if (c == '#') {
            comment();
        } else if (c == '\n' || c == '\r') {
            newline();
        } else {
            throw new SyntaxError(line, "unexpected " + describe(c) + " after value (one key = value per line)");
        }
    }

    private void comment() throws SyntaxError {
        while (!eof() && peek() != '\n' && peek() != '\r') {
            char c = text.charAt(pos++);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new SyntaxError(line, describe(c) + " in comment");
            }
        }
    }

    private void newline() throws SyntaxError {
        if (peek() == '\r') {
            pos++;
            if (eof() || peek() != '\n') throw new SyntaxError(line, "carriage return without line feed");
        }
        pos++;
        line++;
    }

    private void skipBlank() {
        while (!eof() && (peek() == ' ' || peek() == '\t')) pos++;
    }

    private void skipArrayBlank() throws SyntaxError {
        while (!eof()) {
            char c = peek();
            if (c == ' ' || c == '\t') pos++;
            else if (c == '\n' || c == '\r') newline();
            else if (c == '#') comment();
            else return;
        }
    }

    private void expect(char c, String message) throws SyntaxError {
        if (eof() || peek() != c) throw new SyntaxError(line, message);
        pos++;
    }

    private boolean eof() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private static boolean isBare(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static boolean isValueEnd(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}' || c == '#';
    }

    private static String describe(char c) {
        if (c < 0x20 || c == 0x7f || Character.isISOControl(c)) return String.format("control character U+%04X", (int) c);
        return "'" + c + "'";
    }

    static String dotted(List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            if (sb.length() > 0) sb.append('.');
            boolean bare = !k.isEmpty() && k.chars().allMatch(ch -> isBare((char) ch));
            sb.append(bare ? k : '"' + k + '"');
        }
        return sb.toString();
    }
}
