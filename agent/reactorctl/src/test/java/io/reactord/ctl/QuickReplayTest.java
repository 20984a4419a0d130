package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick entry of {@code reactorctl replay} ({@link QuickReplay}): it takes only the plain forms, and for
 * those prints exactly what the full command (picocli) prints, with its exit code.
 */
final class QuickReplayTest {
    @TempDir
    Path dir;

    private static final Path SAMPLES = Path.of("../../docs/samples");

    /** One way of running: exit code, stdout, stderr. */
    private record Outcome(int rc, String out, String err) {}

    private static Outcome quick(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = QuickReplay.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Outcome full(String... args) {
        CapturedCtl c = new CapturedCtl() {};
        int rc = c.run(args);
        return new Outcome(rc, c.out.toString(), c.err.toString());
    }

    private void sameAsFull(String... args) {
        assertNotNull(QuickReplay.parse(args), String.join(" ", args));
        assertEquals(full(args), quick(args), String.join(" ", args));
    }

    @Test
    void parse_plainForms_taken() {
        for (String[] a : new String[][] {
            {"replay", "--events", "f", "--state"},
            {"replay", "--state", "--events=f"},
            {"replay", "-c", "x.toml", "--events", "-", "--hostname", "h"},
            {"replay", "--config=x.toml", "--hostname=h", "--events", "f"},
        }) {
            assertNotNull(QuickReplay.parse(a), String.join(" ", a));
        }
        QuickReplay.Options o = QuickReplay.parse(new String[] {"replay", "--config=x.toml", "--hostname=h=1", "--events", "f"});
        assertEquals(new QuickReplay.Options(Path.of("x.toml"), "f", "h=1", false), o);
    }

    @Test
    void parse_anyOtherForm_leftToTheFullCommand() {
        for (String[] a : new String[][] {
            {}, {"status"}, {"replay"}, {"replay", "--state"}, {"replay", "--help"}, {"replay", "-h", "--events", "f"},
            {"replay", "--events"}, {"replay", "--events", "f", "--state", "--state"},
            {"replay", "--events", "f", "--events", "g"}, {"replay", "--events", "--state"},
            {"replay", "--events", "@args"}, {"replay", "@args"}, {"replay", "--events="}, {"replay", "--events", ""},
            {"replay", "-cx.toml", "--events", "f"}, {"replay", "-c=x.toml", "--events", "f"},
            {"replay", "--events", "f", "--state=true"}, {"replay", "--events", "f", "extra"},
            {"replay", "--events", "f", "--", "--state"}, {"replay", "--events", "f", "--config", "-"},
            {"replay", "--events", "f", "--hostname", "-x"}, {"replay", "--events", "f", "--verbose"},
            {"replay", "--events", "f", "-c", "a", "--config", "b"}, {"Replay", "--events", "f"},
        }) {
            assertNull(QuickReplay.parse(a), String.join(" ", a));
            assertEquals(-1, quick(a).rc(), String.join(" ", a));
        }
    }

    @Test
    void run_archiveWritingRun_printsOnlyWhatItsOwnCaptureGives() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.events2"), "");
        Path one = Files.writeString(dir.resolve("one.events2"), "exists resource name:a role:Primary\nexists -\n");
        Outcome emptyPlain = quick("replay", "--events", empty.toString(), "--state");
        Outcome onePlain = quick("replay", "--events", one.toString(), "--state");
        System.setProperty(ReplayRun.TRAINING, "true");
        try {
            assertEquals(emptyPlain, quick("replay", "--events", empty.toString(), "--state"));
            assertEquals(onePlain, quick("replay", "--events", one.toString(), "--state"));
        } finally {
            System.clearProperty(ReplayRun.TRAINING);
        }
        assertEquals(new Outcome(0, "[]\n", ""), emptyPlain);
        assertTrue(onePlain.out().startsWith("[{\"name\":\"a\",\"role\":\"Primary\""), onePlain.out());
    }

    @Test
    void run_plainForms_sameOutputAndExitCodeAsTheFullCommand() throws Exception {
        Path capture = SAMPLES.resolve("failover.events2");
        String config = SAMPLES.resolve("linstor_db.toml").toString();
        sameAsFull("replay", "--events", capture.toString(), "--state", "--hostname", "node-1");
        sameAsFull("replay", "-c", config, "--hostname", "node-1", "--events", capture.toString());
        sameAsFull("replay", "--config=" + config, "--hostname=node-1", "--events=" + capture, "--state");
        // errors: nothing to print (usage), no such file, a bad configuration, one without promoter resources
        sameAsFull("replay", "--events", capture.toString());
        sameAsFull("replay", "--events", dir.resolve("missing").toString(), "--state");
        Path bad = Files.writeString(dir.resolve("bad.toml"), "[[promoter]\n");
        sameAsFull("replay", "-c", bad.toString(), "--events", capture.toString());
        Path empty = Files.writeString(dir.resolve("empty.toml"), "# nothing\n");
        sameAsFull("replay", "-c", empty.toString(), "--events", capture.toString());
        // a capture with an overlong line, CRLF, a NUL and invalid UTF-8: the same warnings and state
        byte[] odd = ("exists resource name:a role:Primary\r\nchange resource name:a junk:" + "x".repeat(70_000)
                + "\nexists resource name:b\u0000 role:Secondary\n").getBytes(StandardCharsets.UTF_8);
        byte[] invalid = "exists resource name:\u00ff\n".getBytes(StandardCharsets.ISO_8859_1); // 0xff: not UTF-8
        byte[] withInvalid = java.util.Arrays.copyOf(odd, odd.length + invalid.length);
        System.arraycopy(invalid, 0, withInvalid, odd.length, invalid.length);
        Path f = Files.write(dir.resolve("odd.events2"), withInvalid);
        sameAsFull("replay", "--events", f.toString(), "--state", "--hostname", "h");
        assertEquals(ExitCodes.OK, quick("replay", "--events", f.toString(), "--state", "--hostname", "h").rc());
    }
}
