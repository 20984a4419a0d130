package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the byte path (fixed seeds, each case bounded in time as well as in count): arbitrary
 * bytes, arbitrary valid UTF-8 and byte-level mutations of real lines, through {@link LineFramer},
 * {@link Events2Parser#parse(byte[], int, int)} and {@link ClusterState}. The parser never throws, never
 * reaches its safety net, a line that is not an event is an {@link Event.Unparsed}, and every name it
 * reports is exactly the UTF-8 of a region of the input (of a line without colour codes).
 */
final class Events2ParserByteFuzzTest {
    private static final long BUDGET_NANOS = 3_000_000_000L;
    private static final byte[][] PIECES = pieces();

    private static byte[][] pieces() {
        String[] s = {" ", "\t", ":", "->", ",", "\r", "\n", "\u001b[", "m", "0", "42", "-", "name:", "exists ",
            "change ", "resource ", "device ", "connection ", "peer-device ", "path ", "helper ", "call ", "rename ",
            "volume:", "peer-node-id:", "role:", "Primary", "disk:", "UpToDate", "new_name:", "\u0000", "\uD83D\uDE00",
            "e\u0301", "\u4e2d", "2025-03-14T10:21:07.482913+01:00 "};
        byte[][] out = new byte[s.length + 5][];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].getBytes(StandardCharsets.UTF_8);
        }
        out[s.length] = new byte[] {(byte) 0xff};
        out[s.length + 1] = new byte[] {(byte) 0xc3};
        out[s.length + 2] = new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
        out[s.length + 3] = new byte[] {(byte) 0xf0, (byte) 0x9f};
        out[s.length + 4] = new byte[] {(byte) 0x80};
        return out;
    }

    /** Parses and reduces one line; checks the invariants. */
    private static void check(ClusterState state, byte[] line, int from, int to) {
        Event e;
        try {
            e = Events2Parser.parse(line, from, to);
            state.apply(e);
        } catch (RuntimeException ex) {
            throw new AssertionError("threw on " + show(line, from, to), ex);
        }
        assertNotNull(e);
        if (e instanceof Event.Unparsed) {
            assertFalse(((Event.Unparsed) e).reason().startsWith("parser error"), () -> "safety net: " + show(line, from, to));
            return;
        }
        String name = nameOf(e);
        boolean coloured = contains(line, from, to, new byte[] {0x1b}); // colour codes are removed from names
        if (name != null && !coloured && !contains(line, from, to, name.getBytes(StandardCharsets.UTF_8))) {
            fail("name " + name + " is not a region of " + show(line, from, to));
        }
    }

    private static String nameOf(Event e) {
        if (e instanceof Event.Resource) {
            return ((Event.Resource) e).name();
        } else if (e instanceof Event.Device) {
            return ((Event.Device) e).name();
        } else if (e instanceof Event.Connection) {
            return ((Event.Connection) e).name();
        } else if (e instanceof Event.PeerDevice) {
            return ((Event.PeerDevice) e).name();
        } else if (e instanceof Event.Rename) {
            return ((Event.Rename) e).newName();
        }
        return null;
    }

    private static boolean contains(byte[] hay, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i + needle.length <= to; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String show(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to && i < from + 200; i++) {
            int c = b[i] & 0xff;
            s.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s.toString();
    }

    /** Runs {@code cases} generated inputs or until the time budget is spent; returns how many ran. */
    private static int fuzz(long seed, int cases, java.util.function.Function<Random, byte[]> gen) {
        Random rnd = new Random(seed);
        ClusterState state = new ClusterState();
        long t0 = System.nanoTime();
        int n = 0;
        while (n < cases && System.nanoTime() - t0 < BUDGET_NANOS) {
            byte[] input = gen.apply(rnd);
            LineFramer f = new LineFramer(1024, new LineFramer.Sink() {
                @Override
                public void line(byte[] buf, int from, int to) {
                    check(state, buf, from, to);
                }

                @Override
                public void overlong(long number, long length) {
                    // dropped by design
                }
            });
            int off = 0;
            while (off < input.length) {
                int len = Math.min(input.length - off, 1 + rnd.nextInt(300));
                f.accept(input, off, len);
                off += len;
            }
            f.end();
            check(state, input, 0, input.length); // the whole input as one line, newlines included
            n++;
        }
        return n;
    }

    @Test
    void parse_arbitraryBytes_neverThrows() {
        int n = fuzz(20261203L, 30_000, rnd -> {
            byte[] b = new byte[rnd.nextInt(400)];
            rnd.nextBytes(b);
            return b;
        });
        assertTrue(n > 100, "ran " + n);
    }

    @Test
    void parse_arbitraryUtf8AndPieces_neverThrowsNamesExact() {
        int n = fuzz(15L, 30_000, rnd -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int parts = rnd.nextInt(40);
            for (int i = 0; i < parts; i++) {
                if (rnd.nextInt(3) == 0) {
                    int cp;
                    do {
                        cp = rnd.nextInt(4) == 0 ? 0x10000 + rnd.nextInt(0x100000) : rnd.nextInt(0x10000);
                    } while (cp >= 0xd800 && cp <= 0xdfff);
                    b.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                } else {
                    b.writeBytes(PIECES[rnd.nextInt(PIECES.length)]);
                }
            }
            return b.toByteArray();
        });
        assertTrue(n > 100, "ran " + n);
    }

    @Test
    void parse_byteMutationsOfRealLines_neverThrowsNamesExact() {
        List<byte[]> corpus = new ArrayList<>();
        for (String f : Fixtures.ALL) {
            for (String l : Fixtures.lines(f)) {
                corpus.add(l.getBytes(StandardCharsets.UTF_8));
            }
        }
        int n = fuzz(17L, 30_000, rnd -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(corpus.get(rnd.nextInt(corpus.size())));
            byte[] cur = b.toByteArray();
            int edits = 1 + rnd.nextInt(6);
            for (int k = 0; k < edits && cur.length > 0; k++) {
                int at = rnd.nextInt(cur.length);
                ByteArrayOutputStream m = new ByteArrayOutputStream();
                m.write(cur, 0, at);
                switch (rnd.nextInt(4)) {
                    case 0: break; // delete one byte
                    case 1: m.writeBytes(PIECES[rnd.nextInt(PIECES.length)]); m.write(cur[at]); break;
                    case 2: m.write(rnd.nextInt(256)); break;
                    default: m.write(cur[at]); m.writeBytes(cur); break; // splice a copy in
                }
                m.write(cur, at + 1, cur.length - at - 1);
                cur = m.toByteArray();
            }
            return cur;
        });
        assertTrue(n > 100, "ran " + n);
    }
}
