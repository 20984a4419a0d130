package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bad snippet never takes down the others; on reload a rejected file's previous settings stay. */
final class SnippetIsolationTest {

    @TempDir
    Path dir;

    private Path main() {
        return Fixtures.write(dir, "reactord.toml", "snippets = \"" + dir.resolve("d") + "\"\n");
    }

    private Path snippet(String name, String text) {
        return Fixtures.write(dir.resolve("d"), name, text);
    }

    private static String promoter(String res, String unit) {
        return "[[promoter]]\n[promoter.resources." + res + "]\nstart = [\"" + unit + "\"]\n";
    }

    @Test
    void load_oneBrokenSnippet_othersUsableAndCheckFails() {
        snippet("a.toml", promoter("linstor_db", "var-lib-linstor.mount") + "");
        Path bad = snippet("b.toml", "[promoter.metadata\n");
        snippet("c.toml", promoter("r1", "r1.service"));
        LoadResult r = Fixtures.LOADER.loadMain(main());
        assertFalse(r.ok());
        assertNull(r.config());
        assertEquals(1, r.errors().size(), Fixtures.all(r.errors()));
        assertEquals(bad, r.errors().get(0).file());
        assertNotNull(r.usable());
        assertEquals(List.of("linstor_db", "r1"), List.copyOf(r.usable().resources().keySet()));
        assertEquals(Set.of(bad), r.rejected());
    }

    @Test
    void load_snippetWithOneBadResource_isLeftOutWhole() {
        Path bad = snippet("a.toml", promoter("good", "g.service") + "[promoter.resources.bad]\nstart = [\"nope\"]\n");
        LoadResult r = Fixtures.LOADER.loadMain(main());
        assertEquals(Set.of(bad), r.rejected());
        assertTrue(r.usable().resources().isEmpty(), "a file is taken whole or not at all");
    }

    @Test
    void load_brokenMainFile_nothingUsable() {
        snippet("a.toml", promoter("r0", "a.service"));
        Path main = Fixtures.write(dir, "reactord.toml", "snippets = \"" + dir.resolve("d") + "\"\nstatistics-poll-interval = \"x\"\n");
        LoadResult r = Fixtures.LOADER.loadMain(main);
        assertNull(r.usable());
    }

    @Test
    void load_unreadableSnippet_isRejected() {
        Path dangling = dir.resolve("d").resolve("z.toml");
        snippet("a.toml", promoter("r0", "a.service"));
        try {
            java.nio.file.Files.createSymbolicLink(dangling, dir.resolve("missing"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        LoadResult r = Fixtures.LOADER.loadMain(main());
        assertEquals(Set.of(dangling), r.rejected());
        assertEquals(List.of("r0"), List.copyOf(r.usable().resources().keySet()));
    }

    @Test
    void partialReload_brokenEdit_keepsThatFilesOldResources() {
        Path a = snippet("a.toml", promoter("r0", "a.service"));
        Path b = snippet("b.toml", promoter("r1", "b.service") + "[[umh]]\n[[umh.resource]]\ncommand = \"true\"\n");
        LoadResult first = Fixtures.LOADER.loadMain(main());
        assertTrue(first.ok(), Fixtures.all(first.errors()));

        snippet("a.toml", promoter("r0", "a2.service"));
        snippet("b.toml", promoter("r1", "b.service") + "start-typo = 1\n");
        LoadResult second = Fixtures.LOADER.loadMain(main());
        ReactordConfig running = PartialReload.merge(first.config(), second);

        assertEquals(List.of("a2.service"), running.resources().get("r0").start(), "the clean file's edit applies");
        assertEquals(first.config().resources().get("r1"), running.resources().get("r1"), "the broken file's old resource stays");
        assertEquals(1, running.umh().size(), "the broken file's old umh table stays");
        assertEquals(b, running.umh().get(0).source());
        assertEquals(a, running.resources().get("r0").source());
    }

    @Test
    void partialReload_keptResourceWhoseUnitIsNowClaimed_isDropped() {
        snippet("a.toml", promoter("r0", "a.service"));
        snippet("b.toml", promoter("r1", "b.service"));
        LoadResult first = Fixtures.LOADER.loadMain(main());
        snippet("a.toml", promoter("r0", "b.service"));
        snippet("b.toml", "[[promoter]\n");
        LoadResult second = Fixtures.LOADER.loadMain(main());
        ReactordConfig running = PartialReload.merge(first.config(), second);
        assertEquals(List.of("r0"), List.copyOf(running.resources().keySet()));
    }

    @Test
    void partialReload_newBrokenFile_addsNothing() {
        snippet("a.toml", promoter("r0", "a.service"));
        LoadResult first = Fixtures.LOADER.loadMain(main());
        snippet("b.toml", "garbage =\n");
        LoadResult second = Fixtures.LOADER.loadMain(main());
        assertEquals(first.config().resources(), PartialReload.merge(first.config(), second).resources());
    }

    @Test
    void load_snippetsDirectoryNotADirectory_nothingUsable() {
        Fixtures.write(dir, "d", "not a directory");
        LoadResult r = Fixtures.LOADER.loadMain(main());
        assertFalse(r.ok());
        assertNull(r.usable(), "without the snippet list the daemon must not run (or reload to) an empty configuration");
    }
}
