package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.agent.journal.JournalFile;
import io.reactord.agent.promoter.JournalEntry;
import io.reactord.agent.promoter.PromoterState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reactorctl why} and {@code events} with the daemon down: answered from the journal files. */
final class JournalCommandsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void journal() {
        try (JournalFile j = new JournalFile(dir, 1 << 20)) {
            j.append(new JournalEntry(0, "r0", PromoterState.IDLE, PromoterState.PENDING, "events2 change", "may_promote yes",
                    "promotable; starting in 1 s", List.of(), io.reactord.agent.promoter.Severity.INFO));
            j.append(new JournalEntry(1, "r1", PromoterState.UNKNOWN, PromoterState.IDLE, "dump", "adoption", "not running here",
                    List.of(), io.reactord.agent.promoter.Severity.INFO));
        }
    }

    private int run(Object cmd, String... args) {
        if (cmd instanceof WhyCommand) {
            ((WhyCommand) cmd).out = new PrintStream(out, true, StandardCharsets.UTF_8);
            ((WhyCommand) cmd).err = new PrintStream(err, true, StandardCharsets.UTF_8);
        } else {
            ((EventsCommand) cmd).out = new PrintStream(out, true, StandardCharsets.UTF_8);
            ((EventsCommand) cmd).err = new PrintStream(err, true, StandardCharsets.UTF_8);
        }
        return new CommandLine(cmd).execute(args);
    }

    @Test
    void events_daemonDown_readsFilesAndFiltersResource() {
        journal();
        int rc = run(new EventsCommand(), "r0", "--socket", dir.resolve("none.sock").toString(), "--state-dir", dir.toString(),
                "-c", dir.resolve("missing.toml").toString());
        assertEquals(ExitCodes.OK, rc, err.toString());
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("r0: IDLE -> PENDING (promotable; starting in 1 s)"), s);
        assertTrue(!s.contains("r1:"), s);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not reachable"));
    }

    @Test
    void events_badSince_usageError() {
        assertEquals(ExitCodes.USAGE, run(new EventsCommand(), "--since", "yesterday", "--state-dir", dir.toString()));
    }

    @Test
    void why_notConfiguredNoRecords_notFound() {
        int rc = run(new WhyCommand(), "nosuch", "--socket", dir.resolve("none.sock").toString(), "--state-dir", dir.toString(),
                "-c", dir.resolve("missing.toml").toString());
        assertEquals(ExitCodes.NOT_FOUND, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nosuch is not configured"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void why_configuredDaemonDownNoRecords_daemonUnreachable() throws Exception {
        Path main = dir.resolve("reactord.toml");
        java.nio.file.Files.writeString(main, "snippets = \"" + dir.resolve("d") + "\"\n[[promoter]]\n[promoter.resources.r9]\n"
                + "start = [\"a.service\"]\n");
        java.nio.file.Files.setPosixFilePermissions(main, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        int rc = run(new WhyCommand(), "r9", "--socket", dir.resolve("none.sock").toString(), "--state-dir", dir.toString(),
                "-c", main.toString());
        assertEquals(ExitCodes.DAEMON_UNREACHABLE, rc, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no journal records for r9 yet"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void why_daemonDown_answersFromJournal() {
        journal();
        int rc = run(new WhyCommand(), "r1", "--socket", dir.resolve("none.sock").toString(), "--state-dir", dir.toString(),
                "-c", dir.resolve("missing.toml").toString());
        assertEquals(ExitCodes.OK, rc);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("r1 was last IDLE (not running here)"), out.toString());
    }
}
