package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directories configuration is read from: whoever can write them can change what runs as root. */
final class ConfigDirectoryTest {
    @TempDir
    Path dir;

    private Path mainWithSnippets(String mode) throws IOException {
        Path snippets = dir.resolve("reactord.d");
        Fixtures.write(snippets, "r0.toml", "[[promoter]]\n[promoter.resources.r0]\nstart = [\"a.service\"]\n");
        Files.setPosixFilePermissions(snippets, PosixFilePermissions.fromString(mode));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Fixtures.write(dir, "main.toml", "snippets = \"" + snippets + "\"\n");
    }

    private static List<String> warnings(LoadResult r) {
        return r.warnings().stream().map(Object::toString).toList();
    }

    @Test
    void worldWritableSnippetsDirectory_warnsWithPathAndFix_stillLoads() throws IOException {
        Path main = mainWithSnippets("rwxrwxrwx");
        LoadResult r = Fixtures.LOADER.loadMain(main);
        assertNotNull(r.config(), Fixtures.all(r.errors()));
        Path snippets = dir.resolve("reactord.d");
        assertEquals(List.of(snippets + ":0: snippets directory is world-writable (rwxrwxrwx): whoever can write it can"
                + " add, replace or remove configuration files, which define commands run as root; fix with: chmod 0755 "
                + snippets), warnings(r));
    }

    @Test
    void groupWritableSnippetsDirectory_warns() throws IOException {
        LoadResult r = Fixtures.LOADER.loadMain(mainWithSnippets("rwxrwxr-x"));
        assertEquals(1, r.warnings().size(), Fixtures.all(r.warnings()));
        assertTrue(warnings(r).get(0).contains("snippets directory is group-writable (rwxrwxr-x)"), warnings(r).get(0));
    }

    @Test
    void privateSnippetsDirectory_noWarning() throws IOException {
        LoadResult r = Fixtures.LOADER.loadMain(mainWithSnippets("rwxr-xr-x"));
        assertTrue(r.warnings().isEmpty() && r.errors().isEmpty(), Fixtures.all(r.errors()) + Fixtures.all(r.warnings()));
    }

    @Test
    void worldWritableDirectoryOfTheMainFile_warns() throws IOException {
        Path main = mainWithSnippets("rwxr-xr-x");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> w = warnings(Fixtures.LOADER.loadMain(main));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith(dir + ":0: the main file's directory is world-writable"), w.get(0));
        assertTrue(w.get(0).endsWith("fix with: chmod 0755 " + dir), w.get(0));
    }

    @Test
    void snippetsDirectoryNotOwnedByRoot_warnsWhenRunningAsRoot() throws IOException {
        Assumptions.assumeTrue(HostInfo.detectRoot(), "changing a directory's owner needs root");
        Path main = mainWithSnippets("rwxr-xr-x");
        Path snippets = dir.resolve("reactord.d");
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(snippets, nobody);
        List<String> w = warnings(ConfigLoader.withHost("alpha", true).withOcfRoot(Fixtures.OCF_ROOT).loadMain(main));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith(snippets + ":0: snippets directory is owned by nobody"), w.get(0));
        assertTrue(w.get(0).endsWith("fix with: chown root: " + snippets), w.get(0));
        assertTrue(warnings(ConfigLoader.withHost("alpha", false).withOcfRoot(Fixtures.OCF_ROOT).loadMain(main)).isEmpty(),
                "not checked when not running as root");
    }

    @Test
    void snippetLinkedOutsideTheDirectory_refusedUnreadNothingQuoted() throws IOException {
        Path main = mainWithSnippets("rwxr-xr-x");
        Path snippets = dir.resolve("reactord.d");
        Path secret = Fixtures.write(dir.resolve("elsewhere"), "shadow", "root:$6$SECRETHASH:19000:0:99999:7:::\n");
        Path link = Files.createSymbolicLink(snippets.resolve("x.toml"), secret);
        LoadResult r = Fixtures.LOADER.loadMain(main);
        assertEquals(List.of(link + ":0: refused: a symbolic link to a file outside the snippets directory " + snippets
                + " (such files are never read, so no error can quote them); copy the file into the directory or make"
                + " the link point inside it"), r.errors().stream().map(Object::toString).toList());
        assertEquals(java.util.Set.of(link), r.rejected(), "left out as a broken file: a reload keeps its previous settings");
        assertNotNull(r.usable());
        assertTrue(r.usable().resources().containsKey("r0"));
        String all = Fixtures.all(r.errors()) + Fixtures.all(r.warnings());
        assertTrue(!all.contains("SECRET") && !all.contains("root:") && !all.contains(secret.toString()), all);
        // the same file named directly is read (and its syntax error quotes it): only the directory listing refuses
        assertTrue(Fixtures.all(Fixtures.LOADER.loadFiles(List.of(secret)).errors()).contains(secret.toString()));
    }

    @Test
    void snippetLinkedInsideTheDirectory_isRead() throws IOException {
        Path main = mainWithSnippets("rwxr-xr-x");
        Path snippets = dir.resolve("reactord.d");
        Path real = Fixtures.write(snippets.resolve("store"), "r1.conf", "[[promoter]]\n[promoter.resources.r1]\nstart = [\"b.service\"]\n");
        Files.createSymbolicLink(snippets.resolve("r1.toml"), real);
        LoadResult r = Fixtures.LOADER.loadMain(main);
        assertNotNull(r.config(), Fixtures.all(r.errors()));
        assertTrue(r.config().resources().containsKey("r1"));
    }

    @Test
    void snippetsDirectoryItselfALink_filesInsideItAreRead() throws IOException {
        Path real = dir.resolve("real.d");
        Fixtures.write(real, "r2.toml", "[[promoter]]\n[promoter.resources.r2]\nstart = [\"c.service\"]\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path linkDir = Files.createSymbolicLink(dir.resolve("link.d"), real);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path main = Fixtures.write(dir, "main.toml", "snippets = \"" + linkDir + "\"\n");
        LoadResult r = Fixtures.LOADER.loadMain(main);
        assertNotNull(r.config(), Fixtures.all(r.errors()));
        assertTrue(r.config().resources().containsKey("r2"));
    }
}
