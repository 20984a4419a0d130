package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LineFramerTest {
    /** What the sink heard: lines as byte arrays, overlong reports as "overlong N L" / "started N". */
    private static final class Heard implements LineFramer.Sink {
        final List<Object> out = new ArrayList<>();

        @Override
        public void line(byte[] buf, int from, int to) {
            out.add(Arrays.copyOfRange(buf, from, to));
        }

        @Override
        public void overlongStarted(long number) {
            out.add("started " + number);
        }

        @Override
        public void overlong(long number, long length) {
            out.add("overlong " + number + " " + length);
        }

        List<Object> shown() {
            List<Object> l = new ArrayList<>();
            for (Object o : out) {
                l.add(o instanceof byte[] ? new String((byte[]) o, StandardCharsets.ISO_8859_1) : o);
            }
            return l;
        }
    }

    /** Frames {@code input} in chunks of {@code chunk} bytes. */
    private static Heard frame(byte[] input, int max, int chunk) {
        Heard h = new Heard();
        LineFramer f = new LineFramer(max, h);
        for (int i = 0; i < input.length; i += chunk) {
            byte[] c = Arrays.copyOfRange(input, i, Math.min(input.length, i + chunk));
            f.accept(c, 0, c.length);
            Arrays.fill(c, (byte) '#'); // the framer must not keep a reference to the caller's buffer
        }
        f.end();
        return h;
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void accept_anyChunking_sameLines() {
        byte[] in = latin1("a\nbb\r\n\n\u00ff\u0000\u00c3x\nlast");
        List<Object> want = List.of("a", "bb\r", "", "\u00ff\u0000\u00c3x", "last");
        for (int chunk = 1; chunk <= in.length; chunk++) {
            assertEquals(want, frame(in, 100, chunk).shown(), "chunk " + chunk);
        }
    }

    @Test
    void accept_lineAtTheLimit_deliveredAndOneByteMore_droppedAndReportedOnce() {
        String at = "x".repeat(10);
        String over = "y".repeat(11);
        String far = "z".repeat(1000);
        byte[] in = latin1(at + "\n" + over + "\n" + "ok\n" + far + "\nend\n");
        for (int chunk : new int[] {1, 3, 7, 64, in.length}) {
            assertEquals(List.of(at, "started 2", "overlong 2 11", "ok", "started 4", "overlong 4 1000", "end"),
                    frame(in, 10, chunk).shown(), "chunk " + chunk);
        }
    }

    @Test
    void accept_overlongLastLineWithoutNewline_reportedAtEnd() {
        assertEquals(List.of("a", "started 2", "overlong 2 20"), frame(latin1("a\n" + "b".repeat(20)), 5, 4).shown());
    }

    @Test
    void accept_endlessLine_neverBufferedWhole() {
        Heard h = new Heard();
        LineFramer f = new LineFramer(1024, h);
        byte[] zeros = new byte[1 << 16];
        for (int i = 0; i < 1024; i++) { // 64 MiB of /dev/zero
            f.accept(zeros, 0, zeros.length);
        }
        assertEquals(List.of("started 1"), h.shown());
        assertEquals(64L << 20, f.dropping());
        f.accept(latin1("\n"), 0, 1);
        assertEquals(List.of("started 1", "overlong 1 " + (64L << 20)), h.shown());
        assertEquals(-1, f.dropping());
        assertEquals(1, f.lines());
    }

    @Test
    void accept_utf8SplitAcrossReads_bytesUnchanged() {
        byte[] line = "name:x\uD83D\uDE00y".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(line);
        b.write('\n');
        for (int chunk = 1; chunk <= line.length; chunk++) {
            assertArrayEquals(line, (byte[]) frame(b.toByteArray(), 100, chunk).out.get(0));
        }
    }

    @Test
    void new_nonPositiveLimit_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new LineFramer(0, new Heard()));
    }
}
