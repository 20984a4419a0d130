package io.reactord.agent.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.events2.Event;
import io.reactord.events2.Events2Parser;
import io.reactord.events2.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events2 child: lines delivered as bytes, an exiting child restarted with stream boundaries, over-long lines dropped. */
final class Events2ProcessTest {
    @TempDir
    Path tmp;

    /** Records lines as strings (ISO-8859-1, so every byte shows) and the over-long marker as "overlong". */
    private static final class Seen implements EventSource.Sink {
        final List<String> out = new CopyOnWriteArrayList<>();
        final List<byte[]> raw = new CopyOnWriteArrayList<>();

        public void streamStarting(boolean restart) {
            out.add("start " + restart);
        }

        public void line(byte[] line) {
            raw.add(line);
            out.add(Arrays.equals(line, Events2Process.OVERLONG) ? "overlong"
                    : new String(line, StandardCharsets.ISO_8859_1));
        }

        public void streamLost(String why) {
            out.add("lost " + why);
        }
    }

    @Test
    void start_childExits_isRestartedWithBoundaries() throws Exception {
        Path script = tmp.resolve("events2");
        Files.writeString(script, "#!/bin/sh\necho 'exists -'\nhead -c 70000 /dev/zero | tr '\\\\0' x; echo\necho after\nexit 3\n");
        script.toFile().setExecutable(true);
        Seen seen = new Seen();
        try (Events2Process p = new Events2Process(List.of(script.toString()))) {
            p.start(seen);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> seen.out.stream().filter(s -> s.startsWith("start")).count() >= 2);
        }
        assertEquals(List.of("start false", "exists -", "overlong", "after", "lost drbdsetup events2 exited with status 3",
                "start true"), seen.out.subList(0, 6));
    }

    private static byte[] join(Object... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object p : parts) {
            b.writeBytes(p instanceof String ? ((String) p).getBytes(StandardCharsets.UTF_8) : (byte[]) p);
        }
        return b.toByteArray();
    }

    /** Hands out at most {@code step} bytes per read, as a pipe does. */
    private static InputStream trickle(byte[] data, int step) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    @Test
    void readLines_atAndOverTheLimit_lineAtLimitKeptLongerReplacedByOneMarker() throws IOException {
        int max = Events2Process.MAX_LINE;
        String prefix = "change resource name:r0 role:Primary x:";
        String atLimit = prefix + "a".repeat(max - prefix.length());
        byte[] data = join(atLimit, "\n", "b".repeat(max + 1), "\n", "c".repeat(5 * max), "\nexists -\n");
        for (int step : new int[] {7, 4096, 1 << 20}) {
            Seen seen = new Seen();
            new Events2Process(List.of("unused")).readLines(trickle(data, step), seen);
            assertEquals(List.of(atLimit, "overlong", "overlong", "exists -"), seen.out, "read size " + step);
            Event.Resource r = assertInstanceOf(Event.Resource.class, parse(seen.raw.get(0)));
            assertEquals(Role.PRIMARY, r.role());
            assertInstanceOf(Event.Unparsed.class, parse(seen.raw.get(1)));
        }
    }

    @Test
    void readLines_crlfInvalidUtf8AndNul_bytesDeliveredUnchanged() throws IOException {
        byte[] bad = {(byte) 0xff, (byte) 0xc3};
        byte[] data = join("exists resource name:r\u00e9\uD83D\uDE00 role:Primary\r\n",
                "exists resource name:x", bad, " role:Primary\n", "exists resource name:n\u0000ul role:Secondary\n",
                "exists -");
        Seen seen = new Seen();
        new Events2Process(List.of("unused")).readLines(trickle(data, 3), seen);
        assertEquals(4, seen.raw.size());
        Event.Resource first = assertInstanceOf(Event.Resource.class, parse(seen.raw.get(0)));
        assertEquals("r\u00e9\uD83D\uDE00", first.name());
        assertTrue(seen.out.get(0).endsWith("\r"), "the CR reaches the parser, which ignores it");
        assertEquals("name is not valid UTF-8", assertInstanceOf(Event.Unparsed.class, parse(seen.raw.get(1))).reason());
        assertEquals(join("exists resource name:x", bad, " role:Primary").length, seen.raw.get(1).length);
        assertEquals("n\u0000ul", assertInstanceOf(Event.Resource.class, parse(seen.raw.get(2))).name());
        assertInstanceOf(Event.DumpComplete.class, parse(seen.raw.get(3)));
    }

    private static Event parse(byte[] line) {
        return Events2Parser.parse(line, 0, line.length);
    }

    @Test
    void readLines_linesAreIndependentCopies() throws IOException {
        Seen seen = new Seen();
        new Events2Process(List.of("unused")).readLines(trickle(join("aa\nbb\n"), 1 << 16), seen);
        List<String> before = new ArrayList<>(seen.out);
        seen.raw.get(0)[0] = 'z';
        assertEquals("bb", new String(seen.raw.get(1), StandardCharsets.US_ASCII));
        assertEquals(List.of("aa", "bb"), before);
    }
}
