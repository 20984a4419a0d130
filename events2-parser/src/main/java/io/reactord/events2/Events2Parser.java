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
        Tokens t = Tokens.split(line);
        int i = 0;
        String ts = null;
        if (t.count > 0 && Lines.looksLikeTimestamp(t.get(0))) {
            ts = t.get(0);
            i = 1;
        }
        if (t.count - i < 2) {
            return unparsed(ts, line, t.count - i == 0 ? "empty line" : "no object after '" + quote(t.get(i)) + "'");
        }
        String word = t.get(i);
        Action action = Action.of(word);
        if (action == null) {
            return unparsed(ts, line, "unknown action '" + quote(word) + "'");
        }
        String object = t.get(i + 1);
        if (object.equals("-")) {
            return action == Action.EXISTS && t.count == i + 2
                    ? new Event.DumpComplete(ts)
                    : unparsed(ts, line, "'-' is only valid as 'exists -'");
        }
        Pairs p = Pairs.of(t, i + 2);
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
                return action == Action.RENAME ? ObjectParsers.rename(ts, line, p) : ObjectParsers.resource(ts, action, p);
            case "device":
                return ObjectParsers.device(ts, action, line, p);
            case "connection":
                return ObjectParsers.connection(ts, action, line, p);
            case "peer-device":
                return ObjectParsers.peerDevice(ts, action, line, p);
            case "path":
                return ObjectParsers.path(ts, action, line, p);
            case "helper":
                return ObjectParsers.helper(ts, action, line, p);
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
