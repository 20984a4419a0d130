package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reactorctl replay} on hostile captures: the byte reader's limits, line ends and encodings. */
final class ReplayCommandTest extends CapturedCtl {
    private static final int LIMIT = io.reactord.events2.LineFramer.DEFAULT_MAX_LINE;

    @TempDir
    Path dir;

    private int replayState(Path f) {
        return run("replay", "--events", f.toString(), "--state", "--hostname", "alpha");
    }

    private static byte[] join(Object... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object p : parts) {
            b.writeBytes(p instanceof String ? ((String) p).getBytes(StandardCharsets.UTF_8) : (byte[]) p);
        }
        return b.toByteArray();
    }

    private static String resource(String name, String role) {
        return "exists resource name:" + name + " role:" + role + " suspended:no may_promote:no promotion_score:1\n";
    }

    @Test
    void replay_fiftyMegabyteLine_skippedWithOneWarningAndTheRestReplayed() throws Exception {
        Path f = dir.resolve("big.events2");
        try (OutputStream o = Files.newOutputStream(f)) {
            o.write(join(resource("a", "Primary")));
            o.write("change resource name:a role:Secondary junk:".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 50; i++) {
                o.write(block);
            }
            o.write('\n');
            o.write(join(resource("b", "Secondary"), "exists -\n"));
        }
        assertEquals(ExitCodes.OK, replayState(f), err.toString());
        List<String> warnings = err.toString().lines().toList();
        assertEquals(1, warnings.size(), err.toString());
        assertTrue(warnings.get(0).contains("line 2: " + (43 + 50L * (1 << 20)) + " bytes, longer than " + LIMIT
                + ": skipped"), warnings.get(0));
        assertTrue(out.toString().contains("{\"name\":\"a\",\"role\":\"Primary\""), out.toString());
        assertTrue(out.toString().contains("{\"name\":\"b\",\"role\":\"Secondary\""), out.toString());
    }

    @Test
    void replay_devZero_refusedWithOneLineErrorExitOne() {
        Path zero = Path.of("/dev/zero");
        int rc = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> replayState(zero));
        assertEquals(ExitCodes.FAILURE, rc);
        assertEquals(List.of("reactorctl replay: cannot read /dev/zero: line 1 is longer than 64 MiB without a line end:"
                + " not an events2 capture"), err.toString().lines().toList());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void replay_lineAtTheLimitKeptOneByteOverSkipped() throws Exception {
        String head = "change resource name:a role:Secondary junk:";
        String at = head + "x".repeat(LIMIT - head.length());
        String headB = "change resource name:b role:Primary junk:";
        String over = headB + "x".repeat(LIMIT + 1 - headB.length());
        Path f = dir.resolve("limit.events2");
        Files.write(f, join(resource("a", "Primary"), resource("b", "Secondary"), "exists -\n", at, "\n", over, "\n"));
        assertEquals(ExitCodes.OK, replayState(f), err.toString());
        assertTrue(out.toString().contains("{\"name\":\"a\",\"role\":\"Secondary\""), out.toString());
        assertTrue(out.toString().contains("{\"name\":\"b\",\"role\":\"Secondary\""), out.toString());
        assertTrue(err.toString().contains("line 5: " + (LIMIT + 1) + " bytes"), err.toString());
    }

    @Test
    void replay_crlfNulInvalidUtf8AndNonBmpNames_eachNameItsOwnResource() throws Exception {
        Path f = dir.resolve("names.events2");
        Files.write(f, join(resource("x\uD83D\uDE00y", "Primary").replace("\n", "\r\n"),
                resource("x\uD83D\uDE00z", "Secondary"), "exists resource name:x", new byte[] {(byte) 0xff},
                " role:Primary\n", "exists resource name:x", new byte[] {(byte) 0xfe}, " role:Primary\n",
                resource("n\u0000ul", "Secondary"), "exists -\r\n"));
        assertEquals(ExitCodes.OK, replayState(f), err.toString());
        String s = out.toString();
        assertTrue(s.contains("{\"name\":\"x\uD83D\uDE00y\",\"role\":\"Primary\""), s);
        assertTrue(s.contains("{\"name\":\"x\uD83D\uDE00z\",\"role\":\"Secondary\""), s);
        assertTrue(s.contains("{\"name\":\"n\\u0000ul\",\"role\":\"Secondary\""), s);
        assertFalse(s.contains("\uFFFD"), "a name that is not UTF-8 is no resource: " + s);
        assertEquals("", err.toString());
    }
}
