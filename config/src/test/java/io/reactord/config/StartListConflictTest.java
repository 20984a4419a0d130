package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start lists that cannot be realised are refused, naming the conflict. */
final class StartListConflictTest {

    @TempDir
    Path dir;

    private String oneError(String start) {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[promoter]]\n[promoter.resources.r-0]\nstart = [" + start + "]\n");
        assertNull(r.config());
        assertEquals(1, r.errors().size(), Fixtures.all(r.errors()));
        return r.errors().get(0).toString();
    }

    @Test
    void agentUnits_inStartList_areRefused() {
        for (String unit : List.of("reactord.service", "reactord-reload.path", "reactord-reload.service", "drbd-reactor.service",
                "drbd-reactor-reload.path", "reactord@x.service")) {
            String e = oneError("\"" + unit + "\"");
            assertTrue(e.startsWith(dir.resolve("x.toml") + ":3: unit \"" + unit + "\" in 'start' is a unit of the HA agent itself"), e);
        }
    }

    @Test
    void ownUnits_inStartList_areRefusedEscapedOrNot() {
        for (String unit : List.of("drbd-services@r\\\\x2d0.target", "drbd-services@r-0.target", "drbd-promote@r\\\\x2d0.service",
                "drbd-demote-or-escalate@r-0.service")) {
            String e = oneError("\"" + unit + "\"");
            assertTrue(e.contains("is one of resource 'r-0''s own units"), e);
        }
    }

    @Test
    void unitsMerelyNamedLikeTheAgent_areAllowed() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[promoter]]\n[promoter.resources.r0]\nstart = [\"reactord-e2e.service\","
                + " \"drbd-reactor-exporter.service\"]\n");
        assertTrue(r.ok(), Fixtures.all(r.errors()));
    }

    @Test
    void anotherResourcesTarget_isAllowed() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[promoter]]\n[promoter.resources.r0]\nstart = [\"drbd-services@r1.target\"]\n");
        assertTrue(r.ok(), Fixtures.all(r.errors()));
    }

    @Test
    void oneUnitInTwoResources_sameFile_namesBoth() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[promoter]]\n[promoter.resources.a]\nstart = [\"db.mount\", \"x.service\"]\n"
                + "[promoter.resources.b]\nstart = [\"x.service\"]\n");
        assertNull(r.config());
        assertEquals(List.of(dir.resolve("x.toml") + ":4: unit \"x.service\" is in the start lists of resources 'a' ("
                + dir.resolve("x.toml") + ":2) and 'b'; a unit can belong to one resource only, its drop-in binds it to"
                + " one promotion"), r.errors().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void oneUnitInTwoResources_twoFiles_laterFileRejected() {
        Path a = Fixtures.write(dir, "a.toml", "[[promoter]]\n[promoter.resources.a]\nstart = [\"x.service\"]\n");
        Path b = Fixtures.write(dir, "b.toml", "[[promoter]]\n[promoter.resources.b]\nstart = [\"x.service\"]\n");
        LoadResult r = Fixtures.LOADER.loadFiles(List.of(a, b));
        assertEquals(1, r.errors().size(), Fixtures.all(r.errors()));
        assertEquals(b, r.errors().get(0).file());
        assertEquals(List.of("a"), List.copyOf(r.usable().resources().keySet()));
        assertEquals(java.util.Set.of(b), r.rejected());
    }

    @Test
    void ocfUnitsOfTwoResources_doNotCollide() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[promoter]]\n[promoter.resources.a]\nstart = [\"ocf:heartbeat:Dummy d\"]\n"
                + "[promoter.resources.b]\nstart = [\"ocf:heartbeat:Dummy d\"]\n");
        assertTrue(r.ok(), Fixtures.all(r.errors()));
        assertEquals(List.of("ocf.rs@d_a.service"), r.config().resources().get("a").startUnits());
    }

    @Test
    void invalidUnitName_isRefused() {
        assertTrue(oneError("\"foo\"").contains("has no unit type suffix"));
        assertTrue(oneError("\"a$b.service\"").contains("invalid character '$'"));
    }

    @Test
    void startListOverLimit_isRefusedOnItsLine() {
        StringBuilder sb = new StringBuilder("[[promoter]]\n[promoter.resources.r0]\nstart = [\n");
        for (int i = 0; i < PromoterBinder.MAX_START_ENTRIES + 1; i++) sb.append("\"u").append(i).append(".service\",\n");
        sb.append("]\n");
        LoadResult r = Fixtures.snippet(dir, "x.toml", sb.toString());
        assertEquals(1, r.errors().size(), Fixtures.all(r.errors()));
        assertEquals(dir.resolve("x.toml") + ":" + (4 + PromoterBinder.MAX_START_ENTRIES) + ": 'start' has "
                + (PromoterBinder.MAX_START_ENTRIES + 1) + " entries, more than the limit of " + PromoterBinder.MAX_START_ENTRIES
                + " per resource", r.errors().get(0).toString());
    }
}
