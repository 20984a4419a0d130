package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The byte path ({@link ClusterState#applyLine}, {@link ClusterState#applyStatistics}) on the bytes a
 * reader hands it: line ends, invalid UTF-8, NUL bytes, and lines at and over {@link LineFramer}'s limit.
 */
final class StatsLineBytesTest {
    private static final String[] DUMP = {
        "exists resource name:r0 role:Secondary suspended:no may_promote:no promotion_score:10102",
        "exists device name:r0 volume:0 minor:1000 disk:UpToDate client:no quorum:yes size:100 read:1 written:2",
        "exists connection name:r0 peer-node-id:1 conn-name:bravo connection:Connected role:Primary congested:no",
        "exists peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 replication:Established"
                + " peer-disk:UpToDate received:10 sent:20",
        "exists -",
    };

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object p : parts) {
            b.writeBytes(p instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) p);
        }
        return b.toByteArray();
    }

    private static ClusterState dumped() {
        ClusterState s = new ClusterState();
        for (String l : DUMP) {
            byte[] b = bytes(l);
            s.applyLine(b, 0, b.length);
        }
        return s;
    }

    /** Applies the line at an offset of a buffer that is overwritten afterwards; true when the byte path took it. */
    private static boolean statistics(ClusterState s, byte[] line) {
        byte[] buf = new byte[line.length + 8];
        System.arraycopy(line, 0, buf, 5, line.length);
        boolean took = s.applyStatistics(buf, 5, 5 + line.length);
        Arrays.fill(buf, (byte) 'x');
        return took;
    }

    private static Attrs deviceStats(ClusterState s) {
        return s.resource("r0").devices().get(0).stats();
    }

    /** The state the general path reaches with the same lines, for comparison. */
    private static ClusterState general(byte[]... lines) {
        ClusterState s = new ClusterState();
        for (String l : DUMP) {
            s.apply(Events2Parser.parse(l));
        }
        for (byte[] l : lines) {
            s.apply(Events2Parser.parse(l, 0, l.length));
        }
        return s;
    }

    @Test
    void applyStatistics_crlfCrAndLf_takenWithTheValueWithoutTheLineEnd() {
        for (String end : List.of("\r\n", "\r", "\n", "\r\r\n")) {
            ClusterState s = dumped();
            byte[] line = bytes("change device name:r0 volume:0 read:5 written:6", end);
            assertTrue(statistics(s, line), end);
            assertEquals(List.of("size", "read", "written"), List.copyOf(deviceStats(s).toMap().keySet()));
            assertEquals("6", deviceStats(s).get("written"));
            assertEquals(general(line).resources(), s.resources());
        }
    }

    @Test
    void applyStatistics_invalidUtf8InAValue_takenAndReadAsTheGeneralPathReadsIt() {
        ClusterState s = dumped();
        byte[] line = bytes("change device name:r0 volume:0 read:", new byte[] {(byte) 0xff, '7', (byte) 0xc3}, " written:6");
        assertTrue(statistics(s, line));
        assertEquals("\ufffd7\ufffd", deviceStats(s).get("read"));
        assertEquals(general(line).resources().toString(), s.resources().toString());
    }

    @Test
    void applyStatistics_invalidUtf8InTheName_notTakenAndNoOtherResourceTouched() {
        ClusterState s = dumped();
        statistics(s, bytes("change device name:r0 volume:0 read:5")); // the path now remembers r0
        for (byte[] name : List.of(new byte[] {'r', '0', (byte) 0xff}, new byte[] {'r', (byte) 0xb0},
                new byte[] {(byte) 0xff, '0'})) {
            byte[] line = bytes("change device name:", name, " volume:0 read:9");
            assertFalse(statistics(s, line));
            assertTrue(s.applyLine(line, 0, line.length).isEmpty());
            assertInstanceOf(Event.Unparsed.class, Events2Parser.parse(line, 0, line.length));
        }
        assertEquals("5", deviceStats(s).get("read"));
        assertEquals(List.of("r0"), List.copyOf(s.resources().keySet()));
    }

    @Test
    void applyLine_nulBytes_leftToTheGeneralPathWithTheSameResult() {
        ClusterState s = dumped();
        byte[] inValue = bytes("change device name:r0 volume:0 read:5\u00007 written:6");
        byte[] inName = bytes("change device name:r\u00000 volume:0 read:8");
        byte[] alone = new byte[40];
        for (byte[] line : List.of(inValue, inName, alone)) {
            assertFalse(statistics(s, line));
            s.applyLine(line, 0, line.length);
        }
        assertEquals("5\u00007", deviceStats(s).get("read"));
        assertEquals(general(inValue, inName, alone).resources().toString(), s.resources().toString());
    }

    /** Frames {@code input} in chunks, each line to {@link ClusterState#applyLine}; returns the overlong reports. */
    private static List<String> frame(ClusterState s, byte[] input, int max, int chunk) {
        List<String> reports = new ArrayList<>();
        LineFramer f = new LineFramer(max, new LineFramer.Sink() {
            @Override
            public void line(byte[] buf, int from, int to) {
                s.applyLine(buf, from, to);
            }

            @Override
            public void overlong(long number, long length) {
                reports.add(number + " " + length);
            }
        });
        for (int i = 0; i < input.length; i += chunk) {
            byte[] c = Arrays.copyOfRange(input, i, Math.min(input.length, i + chunk));
            f.accept(c, 0, c.length);
            Arrays.fill(c, (byte) '#');
        }
        f.end();
        return reports;
    }

    /** A statistics line of exactly {@code length} bytes (its value padded with zeros), without a line end. */
    private static String lineOf(int length, String end) {
        String head = "change device name:r0 volume:0 read:";
        String tail = "5 written:6";
        return head + "0".repeat(length - head.length() - tail.length()) + tail + end;
    }

    @Test
    void framedLines_atTheLimitApplied_overTheLimitCutAndReportedAndTheNextLineApplied() {
        int max = 120;
        for (int chunk : new int[] {1, 7, 64, 4096}) {
            for (String end : List.of("\n", "\r\n")) {
                ClusterState s = dumped();
                String at = lineOf(max - end.length() + 1, end); // the limit counts the bytes before the \n
                List<String> reports = frame(s, bytes(at), max, chunk);
                assertEquals(List.of(), reports);
                assertEquals("0".repeat(max - 47 - end.length() + 1) + "5", deviceStats(s).get("read"), chunk + end);

                String over = lineOf(max - end.length() + 2, end);
                reports = frame(s, bytes(over, "change device name:r0 volume:0 read:42", end), max, chunk);
                assertEquals(List.of("1 " + (max + 1)), reports, chunk + end);
                assertEquals("42", deviceStats(s).get("read"));
                assertNull(deviceStats(s).get("absent"));
            }
        }
    }

    @Test
    void framedLines_endlessLine_neverAppliedAndTheFramerKeepsNoCopy() {
        ClusterState s = dumped();
        int max = 256;
        List<String> reports = new ArrayList<>();
        LineFramer f = new LineFramer(max, new LineFramer.Sink() {
            @Override
            public void line(byte[] buf, int from, int to) {
                s.applyLine(buf, from, to);
            }

            @Override
            public void overlong(long number, long length) {
                reports.add(number + " " + length);
            }
        });
        byte[] head = bytes("change device name:r0 volume:0 read:");
        f.accept(head, 0, head.length);
        byte[] digits = new byte[10_000];
        Arrays.fill(digits, (byte) '9');
        for (int i = 0; i < 100; i++) {
            f.accept(digits, 0, digits.length);
        }
        assertEquals(head.length + 1_000_000L, f.dropping());
        byte[] rest = bytes(" written:0\nchange device name:r0 volume:0 read:3\n");
        f.accept(rest, 0, rest.length);
        assertEquals(List.of("1 " + (head.length + 1_000_000 + 10)), reports);
        assertEquals("3", deviceStats(s).get("read"));
        assertEquals("2", deviceStats(s).get("written"));
    }

    @Test
    void applyStatistics_resourceDestroyedRecreatedOrRenamed_linesGoToTheResourceOfThatNameNow() {
        ClusterState s = dumped();
        assertTrue(statistics(s, bytes("change device name:r0 volume:0 read:5")));
        byte[] destroy = bytes("destroy resource name:r0");
        s.applyLine(destroy, 0, destroy.length);
        assertFalse(statistics(s, bytes("change device name:r0 volume:0 read:6")));
        for (String l : DUMP) {
            byte[] b = bytes(l);
            s.applyLine(b, 0, b.length);
        }
        assertTrue(statistics(s, bytes("change device name:r0 volume:0 read:7")));
        assertEquals("7", deviceStats(s).get("read"));
        byte[] rename = bytes("rename resource name:r0 new_name:r1");
        s.applyLine(rename, 0, rename.length);
        assertFalse(statistics(s, bytes("change device name:r0 volume:0 read:8")));
        assertTrue(statistics(s, bytes("change device name:r1 volume:0 read:9")));
        assertEquals("9", s.resource("r1").devices().get(0).stats().get("read"));
        assertNull(s.resource("r0"));
    }

    @Test
    void applyStatistics_manyResources_eachLineReachesItsOwn() {
        ClusterState s = new ClusterState();
        int n = 3000; // more than the path's table of names holds
        for (int r = 0; r < n; r++) {
            byte[] b = bytes("exists device name:res-" + r + " volume:0 disk:UpToDate read:0");
            s.applyLine(b, 0, b.length);
        }
        int taken = 0;
        for (int round = 1; round <= 3; round++) {
            for (int r = 0; r < n; r++) {
                taken += statistics(s, bytes("change device name:res-" + r + " volume:0 read:" + (r * 10 + round))) ? 1 : 0;
            }
        }
        assertEquals(3 * n, taken);
        for (int r = 0; r < n; r++) {
            assertEquals(Integer.toString(r * 10 + 3), s.resource("res-" + r).devices().get(0).stats().get("read"));
        }
    }
}
