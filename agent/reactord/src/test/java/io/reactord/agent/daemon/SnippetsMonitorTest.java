package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SnippetsMonitorTest {
    private static final long T0 = 1_000_000_000L;

    @TempDir
    Path dir;

    private Path snippet(String name, long mtime) throws Exception {
        Path p = Files.writeString(dir.resolve(name), "[[debugger]]\n");
        Files.setLastModifiedTime(p, FileTime.fromMillis(mtime));
        return p;
    }

    @Test
    void changedSince_fileDirectoryOrMainFile_eachCounts() throws Exception {
        Path a = snippet("a.toml", T0 - 60_000);
        Path main = Files.writeString(dir.resolveSibling(dir.getFileName() + "-main.toml"), "");
        Files.setLastModifiedTime(main, FileTime.fromMillis(T0 - 60_000));
        Files.setLastModifiedTime(dir, FileTime.fromMillis(T0 - 60_000));
        assertTrue(!SnippetsMonitor.changedSince(main, dir, T0), "nothing changed");
        Files.setLastModifiedTime(a, FileTime.fromMillis(T0));
        assertTrue(SnippetsMonitor.changedSince(main, dir, T0), "a snippet written at the load");
        Files.setLastModifiedTime(a, FileTime.fromMillis(T0 - 60_000));
        Files.setLastModifiedTime(dir, FileTime.fromMillis(T0 + 5));
        assertTrue(SnippetsMonitor.changedSince(main, dir, T0), "a file renamed in the directory (disable)");
        Files.setLastModifiedTime(dir, FileTime.fromMillis(T0 - 60_000));
        Files.setLastModifiedTime(main, FileTime.fromMillis(T0 + 5));
        assertTrue(SnippetsMonitor.changedSince(main, dir, T0), "the main file");
    }

    @Test
    void check_unchangedSnippets_noWarning() throws Exception {
        snippet("a.toml", T0 - 60_000);
        SnippetsMonitor m = new SnippetsMonitor(dir);
        m.loaded(T0);
        assertEquals(List.of(), m.check(T0 + 120_000));
    }

    @Test
    void check_changedAddedRemoved_oneWarningEach() throws Exception {
        Path a = snippet("a.toml", T0 - 60_000);
        Path b = snippet("b.toml", T0 - 60_000);
        SnippetsMonitor m = new SnippetsMonitor(dir);
        m.loaded(T0);
        Files.setLastModifiedTime(a, FileTime.fromMillis(T0 + 10_000));
        Files.delete(b);
        snippet("c.toml", T0 + 10_000);
        List<String> w = m.check(T0 + 120_000);
        assertEquals(3, w.size(), w.toString());
        assertTrue(w.get(0).contains("a.toml changed after the last load"), w.toString());
        assertTrue(w.get(1).contains("c.toml is not in the running configuration"), w.toString());
        assertTrue(w.get(2).contains("b.toml was removed"), w.toString());
    }

    @Test
    void check_writtenWithinGrace_notYet_thenWarned() throws Exception {
        Path a = snippet("a.toml", T0 - 60_000);
        SnippetsMonitor m = new SnippetsMonitor(dir);
        m.loaded(T0);
        Files.setLastModifiedTime(a, FileTime.fromMillis(T0 + 100_000));
        assertEquals(List.of(), m.check(T0 + 110_000));
        assertEquals(1, m.check(T0 + 121_000).size());
    }

    @Test
    void check_afterReload_noWarning() throws Exception {
        Path a = snippet("a.toml", T0 - 60_000);
        SnippetsMonitor m = new SnippetsMonitor(dir);
        m.loaded(T0);
        Files.setLastModifiedTime(a, FileTime.fromMillis(T0 + 10_000));
        m.loaded(T0 + 50_000);
        assertEquals(List.of(), m.check(T0 + 120_000));
    }

    @Test
    void effectiveInterval_zeroOff_shortRaisedTo30s() {
        assertEquals(Duration.ZERO, SnippetsMonitor.effectiveInterval(Duration.ZERO));
        assertEquals(Duration.ofSeconds(30), SnippetsMonitor.effectiveInterval(Duration.ofSeconds(5)));
        assertEquals(Duration.ofSeconds(120), SnippetsMonitor.effectiveInterval(Duration.ofSeconds(120)));
    }
}
