package io.reactord.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.agent.json.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The typed control requests: what reactorctl sends is what the daemon reads, and every bad member is refused. */
final class ControlRequestTest {
    private static final List<ControlRequest> ONE_OF_EACH = List.of(
            new ControlRequest.Ping(),
            new ControlRequest.Status(null),
            new ControlRequest.Status("r0"),
            new ReportRequest(Path.of("/etc/reactord.toml"), List.of("a.toml"), List.of("r0"), true, false, true),
            new ControlRequest.Journal(null, null, 200),
            new ControlRequest.Journal("r0", Instant.parse("2026-01-31T12:00:00Z"), 5),
            new ControlRequest.Why("r0"),
            new ControlRequest.Evict("r0", true),
            new ControlRequest.Move("r0", "beta", 600),
            new ControlRequest.Disable("r0", true),
            new ControlRequest.Enable("r0"));

    private static ControlRequest wire(String json) throws Exception {
        return ControlRequest.parse(Json.read(json));
    }

    @Test
    void everyRequest_throughTheWire_readsBackEqual() throws Exception {
        for (ControlRequest r : ONE_OF_EACH) {
            assertEquals(r, wire(Json.write(r.toMap())), Json.write(r.toMap()));
        }
    }

    @Test
    void everyPermittedType_isCoveredAbove() {
        Set<Class<?>> permitted = Arrays.stream(ControlRequest.class.getPermittedSubclasses()).collect(Collectors.toSet());
        Set<Class<?>> covered = ONE_OF_EACH.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(permitted, covered);
    }

    @Test
    void wireForm_isTheDocumentedOne() {
        assertEquals("{\"cmd\":\"move\",\"resource\":\"r0\",\"to\":\"beta\",\"for_s\":600}",
                Json.write(new ControlRequest.Move("r0", "beta", 600).toMap()));
        assertEquals("{\"cmd\":\"resource\",\"resource\":\"r0\"}", Json.write(new ControlRequest.Status("r0").toMap()));
        assertEquals("{\"cmd\":\"status\"}", Json.write(new ControlRequest.Status(null).toMap()));
    }

    @Test
    void defaults_asTheDaemonAlwaysHadThem() throws Exception {
        assertEquals(new ControlRequest.Move("r0", "beta", 600), wire("{\"cmd\":\"move\",\"resource\":\"r0\",\"to\":\"beta\"}"));
        assertEquals(new ControlRequest.Journal(null, null, 200), wire("{\"cmd\":\"journal\"}"));
        assertEquals(new ControlRequest.Disable("r0", false), wire("{\"cmd\":\"disable\",\"resource\":\"r0\"}"));
        assertEquals(new ControlRequest.Evict("r0", false), wire("{\"cmd\":\"evict\",\"resource\":\"r0\"}"));
    }

    @Test
    void badMembers_refusedWithAMessageForTheClient() {
        assertRefused("{\"cmd\":\"why\"}", "needs \"resource\"");
        assertRefused("{\"cmd\":\"why\",\"resource\":7}", "must be a string");
        assertRefused("{\"cmd\":\"enable\",\"resource\":\"r0;touch${IFS}PWNED\"}", "r0;touch");
        assertRefused("{\"cmd\":\"move\",\"resource\":\"r0\"}", "needs \"to\"");
        assertRefused("{\"cmd\":\"move\",\"resource\":\"r0\",\"to\":\"-oProxyCommand=x\"}", "\"to\"");
        assertRefused("{\"cmd\":\"move\",\"resource\":\"r0\",\"to\":\"beta\",\"for_s\":0}", "for_s");
        assertRefused("{\"cmd\":\"move\",\"resource\":\"r0\",\"to\":\"beta\",\"for_s\":86401}", "for_s");
        assertRefused("{\"cmd\":\"journal\",\"since\":\"yesterday\"}", "ISO-8601");
        assertRefused("{\"cmd\":\"journal\",\"limit\":100001}", "limit");
        assertRefused("{\"cmd\":\"nope\\u0007\"}", "unknown cmd 'nope\\x07' (ping, status");
        assertRefused("{}", "unknown cmd ''");
    }

    private static void assertRefused(String json, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wire(json), json);
        assertTrue(e.getMessage().contains(part), json + " -> " + e.getMessage());
    }
}
