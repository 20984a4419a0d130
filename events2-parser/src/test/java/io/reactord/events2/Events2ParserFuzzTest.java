package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile and random input: the parser always returns, never throws, never reaches its safety net. */
final class Events2ParserFuzzTest {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz:- ,->?\t\u001b[0;1m\r\n\u0000\u00ff\u4e2d";

    private static void assertSafe(String line) {
        Event e = Events2Parser.parse(line);
        assertNotNull(e);
        if (e instanceof Event.Unparsed) {
            assertFalse(((Event.Unparsed) e).reason().startsWith("parser error"), () -> "safety net hit: " + line);
        }
    }

    @Test
    void parse_randomBytes_neverThrows() {
        Random rnd = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = rnd.nextInt(200);
            for (int j = 0; j < n; j++) {
                b.append(rnd.nextInt(4) == 0 ? (char) rnd.nextInt(0x10000)
                        : ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
            }
            assertSafe(b.toString());
        }
    }

    @Test
    void parse_mutatedValidLines_neverThrows() {
        List<String> corpus = new ArrayList<>();
        for (String f : Fixtures.ALL) {
            corpus.addAll(Fixtures.lines(f));
        }
        Random rnd = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder(corpus.get(rnd.nextInt(corpus.size())));
            int edits = 1 + rnd.nextInt(4);
            for (int k = 0; k < edits && b.length() > 0; k++) {
                int at = rnd.nextInt(b.length());
                switch (rnd.nextInt(4)) {
                    case 0: b.deleteCharAt(at); break;
                    case 1: b.insert(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length()))); break;
                    case 2: b.setLength(at); break;
                    default: b.setCharAt(at, (char) rnd.nextInt(128));
                }
            }
            assertSafe(b.toString());
        }
    }

    @Test
    void parse_oneMebibyteLines_unparsedOrEvent() {
        String big = "x".repeat(1 << 20);
        assertInstanceOf(Event.Unparsed.class, Events2Parser.parse(big));
        Event.Resource r = assertInstanceOf(Event.Resource.class,
                Events2Parser.parse("change resource name:r0 role:Primary junk:" + big));
        assertEquals(Role.PRIMARY, r.role());
        assertSafe("change resource name:" + "a ".repeat(1 << 19));
        assertSafe(":".repeat(1 << 20));
        assertSafe(" ".repeat(1 << 20));
        assertSafe("\u001b[".repeat(1 << 19));
    }

    @Test
    void unparsedReason_quotesAtMostAShortExcerpt() {
        Event.Unparsed u = (Event.Unparsed) Events2Parser.parse("y".repeat(10_000) + " resource name:r");
        assertFalse(u.reason().length() > 100, u.reason());
    }
}
