package io.reactord.events2;

import java.util.ArrayList;
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

    /** Parses one line (a trailing newline is ignored). */
    public static Event parse(String raw) {
        if (raw == null) {
            return new Event.Unparsed(null, "", "no line");
        }
        try {
            return parseLine(Lines.clean(raw));
        } catch (RuntimeException e) { // a parser bug must not end the stream; the tests keep this path unused
            return new Event.Unparsed(null, raw, "parser error: " + e);
        }
    }

    private static Event parseLine(String line) {
        Cursor t = new Cursor(line);
        if (!t.next()) {
            return unparsed(null, line, "empty line");
        }
        String ts = null;
        if (Lines.looksLikeTimestamp(t.chars, t.start, t.end)) {
            ts = line.substring(t.start, t.end);
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
        String name = p.get("name");
        if (name == null || name.isEmpty()) {
            return unparsed(ts, line, object + " line without name");
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

    static Event.Unparsed unparsed(String ts, String line, String reason) {
        return new Event.Unparsed(ts, line, reason);
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
