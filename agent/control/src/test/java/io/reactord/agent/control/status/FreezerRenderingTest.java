package io.reactord.agent.control.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.agent.control.status.Terminal;
import io.reactord.systemd.UnitState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Freezer states in the status text and JSON. A real frozen unit needs systemd on the unified cgroup
 * hierarchy; on a hybrid host (like the CI machines) {@code systemctl freeze} is refused, so the golden tests
 * against a private systemd cannot produce one there. This renders the states systemd reports for them.
 */
final class FreezerRenderingTest {
    private static StatusModel report() {
        List<UnitState> units = List.of(
                new UnitState("drbd-services@db.target", "loaded", "active", "active", "running", "static", ""),
                new UnitState("a.service", "loaded", "active", "running", "frozen", "static", "success"),
                new UnitState("b.service", "loaded", "active", "running", "freezing", "static", "success"),
                new UnitState("c.service", "loaded", "active", "running", "thawing", "static", "success"),
                new UnitState("d.service", "loaded", "active", "running", "", "static", "success"));
        StatusModel.Resource r = new StatusModel.Resource("db", "this node", "alpha", units, List.of(), null, null,
                List.of(), List.of(), List.of());
        return new StatusModel("alpha", false, "reactord is not running",
                List.of(new StatusModel.Snippet(Path.of("/etc/reactord.d/db.toml"), false, List.of(r), List.of())), List.of());
    }

    @Test
    void text_frozenFreezingThawing_markedAfterTheUnit() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        new StatusText(Terminal.plain()).print(report(), false, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String text = o.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("● drbd-services@db.target\n● ├─ a.service (frozen)\n● ├─ b.service (freezing)\n"
                + "● ├─ c.service (thawing)\n● └─ d.service\n"), text);
    }

    @Test
    void json_freezerStateOfEachUnit_nullWhenNotReported() {
        String json = StatusJsonWriter.write(report());
        assertTrue(json.contains("\"unit\":\"a.service\",\"symbol\":\"●\",\"load_state\":\"loaded\",\"active_state\":\"active\","
                + "\"sub_state\":\"running\",\"freezer_state\":\"frozen\""), json);
        assertTrue(json.contains("\"unit\":\"d.service\",\"symbol\":\"●\",\"load_state\":\"loaded\",\"active_state\":\"active\","
                + "\"sub_state\":\"running\",\"freezer_state\":null"), json);
        assertEquals(1, json.split("\"freezer_state\":\"thawing\"", -1).length - 1, json);
    }
}
