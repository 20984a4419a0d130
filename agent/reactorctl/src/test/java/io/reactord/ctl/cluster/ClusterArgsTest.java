package io.reactord.ctl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ClusterArgsTest {
    @Test
    void parse_globalOptionsBeforeOrAfterTheCommand_takenOut() {
        ClusterArgs a = ClusterArgs.parse(new String[] {"--context", "prod", "-c", "/x", "status", "--nodes", "a,b", "--nodes=c",
                "--json"});
        assertEquals("prod", a.context());
        assertEquals(List.of("a", "b", "c"), a.nodes());
        assertFalse(a.local());
        assertEquals(List.of("-c", "/x", "status", "--json"), a.rest());
        assertTrue(a.explicit());
        assertNull(a.error());
    }

    @Test
    void parse_localAndEmptyNodes_asDrbdReactorctl() {
        ClusterArgs a = ClusterArgs.parse(new String[] {"--local", "--context=none", "ls", "--nodes", ","});
        assertTrue(a.local());
        assertEquals("none", a.context());
        assertEquals(List.of(), a.nodes());
        assertEquals(List.of("ls"), a.rest());
    }

    @Test
    void parse_afterDoubleDash_leftAlone() {
        ClusterArgs a = ClusterArgs.parse(new String[] {"cat", "--", "--nodes"});
        assertEquals(List.of("cat", "--", "--nodes"), a.rest());
        assertFalse(a.explicit());
    }

    @Test
    void parse_missingValue_usageError() {
        assertEquals("--context needs a value", ClusterArgs.parse(new String[] {"status", "--context"}).error());
        assertEquals("--context needs a name", ClusterArgs.parse(new String[] {"--context=", "status"}).error());
        assertEquals("--nodes needs a value", ClusterArgs.parse(new String[] {"--nodes"}).error());
    }

    @Test
    void parse_moveLocal_isMovesOwnOptionAndStays() {
        ClusterArgs a = ClusterArgs.parse(new String[] {"-c", "/x", "move", "r0", "--to", "beta", "--for", "60s", "--local"});
        assertFalse(a.local());
        assertEquals(List.of("-c", "/x", "move", "r0", "--to", "beta", "--for", "60s", "--local"), a.rest());
        assertTrue(ClusterArgs.parse(new String[] {"--local", "move", "r0"}).local());
    }
}
