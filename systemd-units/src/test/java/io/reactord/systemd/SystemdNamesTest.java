package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.harness.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

final class SystemdNamesTest {

    private static final List<String> NAMES = List.of("r0", "r-0", "linstor_db", "a.b", ".hidden", "..", "../..",
            "/etc/passwd", "a/b/c", "a\\b", "sp ace", "tab\there", "new\nline", "pct%i", "$HOME", "\"quote\"",
            "ü-umlaut", "日本", "emoji😀", "x@y", "a:b", "-leading", "trailing-", "...", "a..b", "~", "*?[]",
            "\u007f", "semi;colon");

    @Test
    void escapeInstance_manyNames_matchesSystemdEscape() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-escape")), "no systemd-escape");
        List<String> names = new ArrayList<>(NAMES);
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            StringBuilder s = new StringBuilder();
            int len = 1 + random.nextInt(12);
            for (int j = 0; j < len; j++) {
                s.appendCodePoint(1 + random.nextInt(random.nextBoolean() ? 127 : 0x2fff));
            }
            names.add(s.toString());
        }
        List<String> cmd = new ArrayList<>(List.of("systemd-escape", "--"));
        cmd.addAll(names);
        Commands.Result r = Commands.run(cmd, Map.of("LC_ALL", "C.UTF-8"), 10).orThrow();
        List<String> expected = List.of(r.stdout().strip().split(" "));
        assertEquals(names.size(), expected.size());
        for (int i = 0; i < names.size(); i++) {
            assertEquals(expected.get(i), SystemdNames.escapeInstance(names.get(i)), "escaping of " + names.get(i));
        }
    }

    @Test
    void escapeInstance_hostileNames_neverContainSlashOrStartWithDot() {
        for (String n : NAMES) {
            String e = SystemdNames.escapeInstance(n);
            assertFalse(e.contains("/"), e);
            assertFalse(e.startsWith("."), e);
            assertTrue(e.chars().allMatch(c -> c > ' ' && c < 0x7f), e);
        }
    }

    @Test
    void escapeInstance_emptyOrNul_rejected() {
        assertThrows(IllegalArgumentException.class, () -> SystemdNames.escapeInstance(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SystemdNames.escapeInstance("a\0b"));
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
    }

    @Test
    void unitNames_dashInResource_escapedLikeLinstorDocs() {
        assertEquals("drbd-services@r\\x2d0.target", SystemdNames.servicesTarget("r-0"));
        assertEquals("drbd-promote@r\\x2d0.service", SystemdNames.promoteService("r-0"));
        assertEquals("drbd-demote-or-escalate@linstor_db.service", SystemdNames.demoteOrEscalateService("linstor_db"));
    }

    @Test
    void servicesTarget_veryLongName_rejectedWithLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SystemdNames.servicesTarget("x".repeat(300)));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
        assertEquals(255, SystemdNames.servicesTarget("x".repeat(255 - "drbd-services@.target".length())).length());
    }

    @Test
    void requireValidUnitName_badNames_rejected() {
        for (String bad : List.of("", "..", "../x.service", "a/b.service", "noext", "x.unknown", ".x.service",
                "a b.service", "ä.service", "a@b@c.service", "x.service\n")) {
            assertThrows(IllegalArgumentException.class, () -> SystemdNames.requireValidUnitName(bad), bad);
        }
        assertEquals("var-lib-linstor.mount", SystemdNames.requireValidUnitName("var-lib-linstor.mount"));
        assertEquals("a\\x2db@x.service", SystemdNames.requireValidUnitName("a\\x2db@x.service"));
    }

    @Test
    void resultInterface_typesWithAndWithoutResult() {
        assertEquals("org.freedesktop.systemd1.Service", SystemdNames.resultInterface("a.service"));
        assertEquals("org.freedesktop.systemd1.Automount",
                SystemdNames.resultInterface("x-y.automount"));
        org.junit.jupiter.api.Assertions.assertNull(SystemdNames.resultInterface("drbd-services@r.target"));
        org.junit.jupiter.api.Assertions.assertNull(SystemdNames.resultInterface("system.slice"));
    }
}
