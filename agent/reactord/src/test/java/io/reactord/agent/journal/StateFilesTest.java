package io.reactord.agent.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactord.agent.promoter.JournalEntry;
import io.reactord.agent.promoter.PromoterState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class StateFilesTest {
    @TempDir
    Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void ensureDir_existingOpenDirectory_becomesPrivate() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("state"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        StateFiles.ensureDir(dir);
        assertEquals("rwx------", mode(dir));
    }

    @Test
    void writeAtomically_newFile_is0600AndComplete() throws Exception {
        Path f = tmp.resolve("state/x.json");
        StateFiles.writeAtomically(f, "one".getBytes());
        StateFiles.writeAtomically(f, "two".getBytes());
        assertEquals("two", Files.readString(f));
        assertEquals("rw-------", mode(f));
        assertEquals("rwx------", mode(f.getParent()));
        try (var s = Files.list(f.getParent())) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    @Test
    void journal_oldWorldReadableFile_becomes0600AndNewOnesAre0600() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("state"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(dir.resolve(JournalFile.NAME + ".1"), "");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        JournalFile j = new JournalFile(dir, JournalFile.DEFAULT_MAX_BYTES);
        j.append(new JournalEntry(0, "r0", PromoterState.IDLE, PromoterState.PENDING, "events2 change", "may_promote yes",
                "promotable", List.of(), io.reactord.agent.promoter.Severity.INFO));
        j.close();
        assertEquals("rw-------", mode(dir.resolve(JournalFile.NAME)));
        assertEquals("rw-------", mode(old));
        assertEquals("rwx------", mode(dir));
    }
}
