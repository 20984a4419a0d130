package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations, unit names, enum spellings and suggestions. */
final class ValuesTest {

    @Test
    void durations_parseUnitsAndCombinations() {
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofSeconds(45), Durations.parse("45"));
        assertEquals(Duration.ofMillis(1500), Durations.ofSeconds(1.5));
        for (String bad : new String[] {"", "m", "10 minutes", "-5s", "1.5m", "10x", "s10"}) {
            assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
        }
        assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("10m", Durations.format(Duration.ofMinutes(10)));
    }

    @Test
    void unitNames_validAndInvalid() {
        for (String ok : new String[] {"a.service", "var-lib-linstor.mount", "drbd-services@r\\x2d0.target",
                "ocf.rs@ip_res.service", "foo@bar@baz.service", "x:y.socket"}) {
            assertNull(UnitNames.problem(ok), ok);
        }
        assertTrue(UnitNames.problem(".service").contains("empty name"));
        assertTrue(UnitNames.problem("a.").contains("no unit type"));
        assertTrue(UnitNames.problem("a$b.service").contains("'$'"));
    }

    @Test
    void escapeMountPath_matchesSystemdEscape() {
        assertEquals("mnt-data.mount", UnitNames.escapeMountPath("/mnt/data"));
        assertEquals("var-lib-linstor.mount", UnitNames.escapeMountPath("/var/lib/linstor/"));
        assertEquals("mnt-my\\x2ddisk.mount", UnitNames.escapeMountPath("/mnt/my-disk"));
        assertEquals("-.mount", UnitNames.escapeMountPath("/"));
        assertEquals("\\x2ehidden.mount", UnitNames.escapeMountPath("/.hidden"));
    }

    @Test
    void enums_roundTripTheirTomlSpelling() {
        for (FailureAction a : FailureAction.values()) assertEquals(a, FailureAction.parse(a.tomlValue()));
        for (DependencyKind k : DependencyKind.values()) assertEquals(k, DependencyKind.parse(k.unitKey()));
        for (Runner r : Runner.values()) assertEquals(r, Runner.parse(r.tomlValue()));
        for (PreferredNodesPolicy p : PreferredNodesPolicy.values()) assertEquals(p, PreferredNodesPolicy.parse(p.tomlValue()));
        for (QuorumLossPolicy q : QuorumLossPolicy.values()) assertEquals(q, QuorumLossPolicy.parse(q.tomlValue()));
        for (DiskDetachPolicy d : DiskDetachPolicy.values()) assertEquals(d, DiskDetachPolicy.parse(d.tomlValue()));
        assertEquals("poweroff-force", FailureAction.POWEROFF_FORCE.systemdValue());
        assertEquals("BindsTo", DependencyKind.BINDS_TO.unitKey());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuorumLossPolicy.parse("Freeze"));
        assertEquals("must be one of \"shutdown\", \"freeze\", got \"Freeze\" (did you mean \"freeze\"?)", e.getMessage());
    }

    @Test
    void diagnostic_toStringIsOneLine() {
        Diagnostic d = new Diagnostic(java.nio.file.Path.of("/etc/x.toml"), 3, "bad\nvalue\u001b[31m");
        assertEquals("/etc/x.toml:3: bad\\x0avalue\\x1b[31m", d.toString());
    }

    @Test
    void suggest_findsCloseAndRejectsFar() {
        assertEquals("start", Suggest.closest("strat", java.util.List.of("start", "stop")));
        assertEquals("preferred-nodes", Suggest.closest("preferred_nodes", java.util.List.of("preferred-nodes", "start")));
        assertNull(Suggest.closest("zzzzzz", java.util.List.of("start", "stop")));
    }
}
