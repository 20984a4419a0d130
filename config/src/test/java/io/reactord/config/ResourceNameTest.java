package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one resource-name rule: real LINSTOR and drbd-reactor names pass, shell/systemd/option metacharacters do not. */
final class ResourceNameTest {

    @TempDir
    Path dir;

    /** Names from LINSTOR (resource definitions, pvc-…), drbd-reactor's documentation and LINSTOR Gateway. */
    private static final List<String> REAL = List.of("r0", "linstor_db", "res1", "foo", "nfs1", "pvc-3f1c2a9e-7d2b-4c1e-9f0a-1b2c3d4e5f60",
            "_underscore", "web", "iscsi", "drbd.r0", "a+b", "0day", "x".repeat(48), "A".repeat(ResourceName.MAX_LENGTH));

    private static final List<String> HOSTILE = List.of("r0;touch${IFS}PWNED;:", "r0`id`", "${HOME}", "$(id)", "a(b", "it's",
            "say\"hi\"", "a/b", "a b", "a\tb", "a\nb", "a\u0007b", "%i", "a%nb", "back\\slash", "-r0", "--force", ".hidden",
            "..", "", "+x", "a:b", "x😀y", "ümlaut", "a\u00a0b", "A".repeat(ResourceName.MAX_LENGTH + 1));

    @Test
    void problem_realNames_areAccepted() {
        for (String name : REAL) assertNull(ResourceName.problem(name), name);
    }

    @Test
    void problem_hostileNames_areRefused() {
        for (String name : HOSTILE) assertNotNull(ResourceName.problem(name), name);
    }

    @Test
    void require_hostileName_throwsWithPrintableReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResourceName.require("a\u0007;b"));
        assertEquals("resource name 'a\\x07;b' contains the character U+0007; resource names may contain only letters,"
                + " digits and _ . + -", e.getMessage());
        assertEquals("r0", ResourceName.require("r0"));
    }

    @Test
    void problem_leadingDash_isRefusedAsOption() {
        assertEquals("must start with a letter, a digit or '_', not '-'", ResourceName.problem("-r0"));
    }

    @Test
    void load_everyHostileName_isFileLineError() {
        for (String name : HOSTILE) {
            String key = TomlNode.keyText(name);
            LoadResult r = Fixtures.snippet(dir, "x.toml", "# hostile\n[[promoter]]\n[promoter.resources." + key + "]\nstart = []\n");
            assertNull(r.config(), name);
            assertEquals(1, r.errors().size(), name + ": " + Fixtures.all(r.errors()));
            String e = r.errors().get(0).toString();
            assertTrue(e.startsWith(dir.resolve("x.toml") + ":3: resource name '"), e);
        }
    }

    @Test
    void load_everyRealName_isAccepted() {
        for (String name : REAL) {
            LoadResult r = Fixtures.snippet(dir, "x.toml", "[[promoter]]\n[promoter.resources." + TomlNode.keyText(name)
                    + "]\nstart = [\"a.service\"]\n");
            assertTrue(r.ok(), name + ": " + Fixtures.all(r.errors()));
        }
    }
}
