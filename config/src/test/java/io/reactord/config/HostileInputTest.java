package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files an attacker or an accident could put where configuration is read. */
final class HostileInputTest {

    @TempDir
    Path dir;

    private LoadResult load(Path... files) {
        return Fixtures.LOADER.loadFiles(List.of(files));
    }

    private static String only(LoadResult r) {
        assertNull(r.config());
        assertEquals(1, r.errors().size(), Fixtures.all(r.errors()));
        return r.errors().get(0).toString();
    }

    @Test
    void binaryGarbage_isReportedAsNotText() throws IOException {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        junk[0] = 'a';
        junk[1] = '\n';
        junk[2] = (byte) 0xff;
        Path f = dir.resolve("junk.toml");
        Files.write(f, junk);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(f + ":2: is not UTF-8 text (invalid byte 0xff); is it a binary file?", only(load(f)));
    }

    @Test
    void controlCharacters_areSyntaxErrorsOnTheirLine() {
        Path f = Fixtures.write(dir, "nul.toml", "[[prometheus]]\nenums = \"a\u0000b\"\n");
        assertEquals(f + ":2: TOML syntax error: control character U+0000 in string", only(load(f)));
    }

    @Test
    void oneMegabyteOfComments_withSettings_isAccepted() {
        String comments = ("# " + "x".repeat(77) + "\n").repeat((ConfigFiles.MAX_BYTES - 4096) / 80);
        Path f = Fixtures.write(dir, "big.toml", comments + "[[promoter]]\n[promoter.resources.r0]\nstart = [\"a.service\"]\n");
        LoadResult r = load(f);
        assertTrue(r.errors().isEmpty(), Fixtures.all(r.errors()));
        assertEquals(1, r.config().resources().size());
    }

    @Test
    void settingsJustBelowTheContentLimit_areParsed() {
        StringBuilder sb = new StringBuilder("[[promoter]]\n");
        int n = 0;
        while (sb.length() < ConfigFiles.MAX_CONTENT_BYTES - 200) {
            sb.append("[promoter.resources.r").append(n).append("]\nstart = [\"a").append(n).append(".service\", \"b").append(n)
                    .append(".service\"]\n");
            n++;
        }
        LoadResult r = load(Fixtures.write(dir, "big.toml", sb.toString()));
        assertTrue(r.errors().isEmpty(), Fixtures.all(r.errors()));
        assertEquals(n, r.config().resources().size());
    }

    @Test
    void issue15sTenThousandStartUnits_refusedBeforeParsing() {
        StringBuilder sb = new StringBuilder("[[promoter]]\n[promoter.resources.r0]\nstart = [\n");
        for (int i = 0; i < 10_000; i++) sb.append("\"unit-").append(i).append(".service\",\n");
        Path f = Fixtures.write(dir, "big.toml", sb.append("]\n").toString());
        String e = only(load(f));
        assertTrue(e.startsWith(f + ":0: has "), e);
        assertTrue(e.endsWith("characters of settings (lines other than blank and comment lines), more than the limit of "
                + ConfigFiles.MAX_CONTENT_BYTES + " per file; split it into several snippets"), e);
    }

    @Test
    void multiLineStringOfCommentLikeLines_countsAsSettings() {
        String body = ("#" + "y".repeat(70) + "\n").repeat(ConfigFiles.MAX_CONTENT_BYTES / 70);
        Path f = Fixtures.write(dir, "big.toml", "x = \"\"\"\n" + body + "\"\"\"\n");
        assertTrue(only(load(f)).contains("characters of settings"));
    }

    @Test
    void garbageText_givesOneError() {
        Path f = Fixtures.write(dir, "big.toml", "x".repeat(ConfigFiles.MAX_CONTENT_BYTES));
        assertTrue(only(load(f)).startsWith(f + ":1: TOML syntax error: expected '=' after key"));
    }

    @Test
    void fileOverLimit_isRefused() throws IOException {
        Path f = dir.resolve("huge.toml");
        Files.write(f, new byte[ConfigFiles.MAX_BYTES + 1]);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(only(load(f)).contains("larger than the 1 MiB limit"));
    }

    @Test
    void tooManyResourcesOverAllFiles_laterFileRejected() {
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (int f = 0; f < 11; f++) {
            StringBuilder sb = new StringBuilder("[[promoter]]\n");
            for (int i = 0; i < 100; i++) sb.append("[promoter.resources.r").append(f).append('_').append(i).append("]\nstart = []\n");
            files.add(Fixtures.write(dir, "f" + (f < 10 ? "0" : "") + f + ".toml", sb.toString()));
        }
        LoadResult r = Fixtures.LOADER.loadFiles(files);
        assertEquals(1, r.errors().size(), Fixtures.all(r.errors()));
        assertTrue(r.errors().get(0).message().contains("1100 promoter resources"), Fixtures.all(r.errors()));
        assertEquals(java.util.Set.of(files.get(10)), r.rejected());
        assertEquals(Assembly.MAX_RESOURCES, r.usable().resources().size());
    }

    @Test
    void deepNesting_isSyntaxErrorNotStackOverflow() {
        Path f = Fixtures.write(dir, "deep.toml", "a = " + "[".repeat(30_000) + "\n");
        assertTrue(only(load(f)).contains("nested deeper than 64 levels"));
        Path g = Fixtures.write(dir, "deep2.toml", "a = " + "{ b = ".repeat(5_000) + "\n");
        assertTrue(only(load(g)).contains("TOML syntax error"));
    }

    @Test
    void unreadableFile_isError() throws IOException {
        Assumptions.assumeFalse(HostInfo.detectRoot(), "root reads files regardless of their mode");
        Path f = Fixtures.write(dir, "secret.toml", "[[prometheus]]\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assertEquals(f + ":0: cannot read: permission denied", only(load(f)));
    }

    @Test
    void symlinkToValidFile_isFollowed() throws IOException {
        Path target = Fixtures.write(dir, "real/p.toml", "[[prometheus]]\n");
        Path link = Files.createSymbolicLink(dir.resolve("p.toml"), target);
        assertNotNull(load(link).config());
    }

    @Test
    void symlinkLoop_isError() throws IOException {
        Path a = dir.resolve("a.toml");
        Path b = dir.resolve("b.toml");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertTrue(only(load(a)).startsWith(a + ":0: cannot read: Too many levels of symbolic links"));
    }

    @Test
    void mainFileInsideItsSnippetsDirectory_isReadOnce() {
        Path main = Fixtures.write(dir, "main.toml", "snippets = \".\"\n[promoter.resources.r0]\nstart = [\"a.service\"]\n");
        LoadResult r = Fixtures.LOADER.loadMain(main);
        assertNotNull(r.config(), Fixtures.all(r.errors()));
        assertEquals(dir, r.config().snippetsDir());
    }

    @Test
    void snippetsPathThatIsAFile_isErrorOnItsLine() {
        Fixtures.write(dir, "notadir", "x");
        Path main = Fixtures.write(dir, "main.toml", "# c\nsnippets = \"notadir\"\n");
        assertEquals(main + ":2: 'snippets' is " + dir.resolve("notadir") + ", which is not a directory",
                only(Fixtures.LOADER.loadMain(main)));
    }

    @Test
    void danglingSymlink_isError() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("gone.toml"), dir.resolve("nowhere"));
        assertEquals(link + ":0: is a symbolic link to a file that does not exist", only(load(link)));
    }

    @Test
    void symlinkToDevice_isRefusedWithoutReading() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("zero.toml"), Path.of("/dev/zero"));
        assertTrue(only(load(link)).contains("is not a regular file"));
    }

    @Test
    void fifo_isRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("fifo.toml");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo not available");
        assertTrue(only(load(fifo)).contains("is not a regular file"));
    }

    @Test
    void directoryNamedToml_explicitIsError_inSnippetsDirIsSkippedWithWarning() throws IOException {
        Path snippets = dir.resolve("d");
        Files.createDirectories(snippets.resolve("x.toml"));
        Fixtures.write(snippets, "y.toml", "[[prometheus]]\n");
        assertEquals(snippets.resolve("x.toml") + ":0: is a directory, not a configuration file", only(load(snippets.resolve("x.toml"))));

        Path main = Fixtures.write(dir, "main.toml", "snippets = \"" + snippets + "\"\n");
        LoadResult r = Fixtures.LOADER.loadMain(main);
        assertNotNull(r.config(), Fixtures.all(r.errors()));
        assertEquals(1, r.config().prometheus().size());
        assertEquals(snippets.resolve("x.toml") + ":0: is not a regular file; ignored", r.warnings().get(0).toString());
    }

    @Test
    void hiddenAndNonTomlFiles_inSnippetsDir_areIgnored() {
        Path snippets = dir.resolve("d");
        Fixtures.write(snippets, ".#p.toml", "garbage");
        Fixtures.write(snippets, "p.toml.disabled", "garbage");
        Fixtures.write(snippets, "p.toml~", "garbage");
        Path main = Fixtures.write(dir, "main.toml", "snippets = \"" + snippets + "\"\n");
        LoadResult r = Fixtures.LOADER.loadMain(main);
        assertTrue(r.errors().isEmpty() && r.warnings().isEmpty(), Fixtures.all(r.errors()) + Fixtures.all(r.warnings()));
    }

    @Test
    void worldOrGroupWritableSnippet_isRefused() throws IOException {
        Path f = Fixtures.write(dir, "w.toml", "[[prometheus]]\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals(f + ":0: refused: the file is world-writable (rw-rw-rw-) and defines commands run as root;"
                + " fix with: chmod go-w " + f, only(load(f)));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-r--"));
        assertTrue(only(load(f)).contains("is group-writable"));
    }

    @Test
    void snippetNotOwnedByRoot_isRefusedWhenRunningAsRoot() throws IOException {
        Assumptions.assumeTrue(HostInfo.detectRoot(), "changing a file's owner needs root");
        Path f = Fixtures.write(dir, "u.toml", "[[prometheus]]\n");
        UserPrincipal nobody = f.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(f, nobody);
        String e = only(ConfigLoader.withHost("alpha", true).loadFiles(List.of(f)));
        assertTrue(e.startsWith(f + ":0: refused: the file is owned by nobody"), e);
        assertTrue(e.endsWith("fix with: chown root: " + f), e);
        // the same file is fine for a process that does not run as root
        assertNotNull(ConfigLoader.withHost("alpha", false).loadFiles(List.of(f)).config());
    }

    @Test
    void rootOwnedSnippet_isAcceptedWhenRunningAsRoot() {
        Assumptions.assumeTrue(HostInfo.detectRoot(), "files written here are root's only when running as root");
        Path f = Fixtures.write(dir, "r.toml", "[[prometheus]]\n");
        assertNotNull(ConfigLoader.withHost("alpha", true).loadFiles(List.of(f)).config());
    }

    @Test
    void byteOrderMarkAndCrLf_areAccepted() {
        Path f = Fixtures.write(dir, "win.toml", "\uFEFF[[promoter]]\r\n[promoter.resources.r0]\r\nstart = [\"a.service\"]\r\n");
        LoadResult r = load(f);
        assertNotNull(r.config(), Fixtures.all(r.errors()));
        assertEquals(2, r.config().resources().get("r0").line());
    }
}
