package io.reactord.events2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one line of {@code drbdsetup events2} output (any flags: {@code --full}, {@code --statistics},
 * {@code --timestamps}, {@code --diff}, {@code --color}) into an {@link Event}. Pure and stateless;
 * never throws: a line that is not an event becomes {@link Event.Unparsed} carrying the line.
 */
public final class Events2Parser {
    /** Longest excerpt of an offending token quoted in an {@link Event.Unparsed} reason. */
    private static final int QUOTE_MAX = 40;

    private Events2Parser() {}

    /** Parses one line (a trailing newline is ignored); the same as {@link #parse(byte[], int, int)} of its UTF-8. */
    public static Event parse(String raw) {
        if (raw == null) {
            return new Event.Unparsed(null, "", "no line");
        }
        byte[] c = raw.getBytes(StandardCharsets.UTF_8);
        return parseCopy(c, c.length);
    }

    /**
     * Parses the line {@code buf[from, to)} of UTF-8 bytes (trailing CR/LF ignored). The region is copied,
     * so the caller may reuse {@code buf}. Any byte sequence is accepted: values keep their UTF-8 exactly;
     * a name that is not valid UTF-8 makes the line {@link Event.Unparsed} (two such names could otherwise
     * decode to one string), other values decode with U+FFFD for invalid sequences.
     */
    public static Event parse(byte[] buf, int from, int to) {
        return parseCopy(Arrays.copyOfRange(buf, from, to), to - from);
    }

    /**
     * Parses {@code c[0, len)}, which this call owns (it is cleaned in place and kept by the records). The
     * tokeniser notes ANSI colour codes as it walks the line; a line that has any (rare: {@code --color=always})
     * is stripped of them and parsed again, so a line without them is walked once.
     */
    private static Event parseCopy(byte[] c, int len) {
        int end = Lines.trimEnd(c, len);
        Cursor t = new Cursor(c, end);
        Event e = parseGuarded(new Src(c, end), t);
        int esc = t.escape ? 0 : Lines.escape(c, t.position(), end); // the part an early answer did not walk
        if (esc < 0) {
            return e;
        }
        int stripped = Lines.stripAnsi(c, Math.max(0, Lines.escape(c, 0, end)), end);
        return parseGuarded(new Src(c, stripped), new Cursor(c, stripped));
    }

    private static Event parseGuarded(Src src, Cursor t) {
        try {
            return parseLine(src, t);
        } catch (RuntimeException e) { // a parser bug must not end the stream; the tests keep this path unused
            return new Event.Unparsed(null, src.text(), "parser error: " + e);
        }
    }

    /** A cleaned line: its bytes and length; decoded to a string only for an {@link Event.Unparsed}. */
    static final class Src {
        final byte[] c;
        final int len;

        Src(byte[] c, int len) {
            this.c = c;
            this.len = len;
        }

        String text() {
            return Text.of(c, 0, len);
        }
    }

    private static Event parseLine(Src line, Cursor t) {
        byte[] c = line.c;
        if (!t.next()) {
            return unparsed(null, line, "empty line");
        }
        String ts = null;
        if (Lines.looksLikeTimestamp(c, t.start, t.end)) {
            ts = Text.of(c, t.start, t.end);
            if (!t.next()) {
                return unparsed(ts, line, "empty line");
            }
        }
        String word = t.word();
        if (!t.next()) {
            return unparsed(ts, line, "no object after '" + quote(word) + "'");
        }
        Action action = Action.of(word);
        if (action == null) {
            return unparsed(ts, line, "unknown action '" + quote(word) + "'");
        }
        String object = t.word();
        if (object.equals("-")) {
            return action == Action.EXISTS && !t.hasNext()
                    ? new Event.DumpComplete(ts)
                    : unparsed(ts, line, "'-' is only valid as 'exists -'");
        }
        Pairs p = Pairs.read(t);
        if (p.keyless != null) {
            return unparsed(ts, line, "token without key: '" + quote(p.keyless) + "'");
        }
        boolean helperAction = action == Action.CALL || action == Action.RESPONSE;
        if (object.equals("helper") != helperAction) {
            return unparsed(ts, line, "'" + action.word() + "' does not apply to '" + quote(object) + "'");
        }
        if (action == Action.RENAME && !object.equals("resource")) {
            return unparsed(ts, line, "only resources can be renamed");
        }
        int ni = p.indexOfId(Keys.NAME);
        String name = ni < 0 ? null : p.exactValue(ni);
        if (name == null || name.isEmpty()) {
            return unparsed(ts, line, ni >= 0 && name == null ? "name is not valid UTF-8" : object + " line without name");
        }
        switch (object) {
            case "resource":
                return action == Action.RENAME ? ObjectParsers.rename(ts, line, name, p)
                        : ObjectParsers.resource(ts, action, name, p);
            case "device":
                return ObjectParsers.device(ts, action, line, name, p);
            case "connection":
                return ObjectParsers.connection(ts, action, line, name, p);
            case "peer-device":
                return ObjectParsers.peerDevice(ts, action, line, name, p);
            case "path":
                return ObjectParsers.path(ts, action, line, name, p);
            case "helper":
                return ObjectParsers.helper(ts, action, line, name, p);
            default:
                return unparsed(ts, line, "unknown object '" + quote(object) + "'");
        }
    }

    static Event.Unparsed unparsed(String ts, Src line, String reason) {
        return new Event.Unparsed(ts, line.text(), reason);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), QUOTE_MAX) + 3);
        for (int i = 0; i < s.length() && i < QUOTE_MAX; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (s.length() > QUOTE_MAX) {
            b.append("...");
        }
        return b.toString();
    }

    /** Parses every line; convenience for tests and replay. */
    public static List<Event> parseAll(Iterable<String> lines) {
        List<Event> out = new ArrayList<>();
        for (String l : lines) {
            out.add(parse(l));
        }
        return out;
    }
}
