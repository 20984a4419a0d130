package io.reactord.agent.control.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.agent.control.status.Terminal;
import io.reactord.systemd.UnitState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Escape sequences and control characters in DRBD names, conn-names and unit names never reach the terminal raw. */
final class HostileNamesRenderingTest {
    private static final String ESC = "\u001b";

    private static String render(Terminal t) {
        String evil = "x" + ESC + "]0;pwned\u0007" + ESC + "[2J\u202e\u009b";
        List<UnitState> units = List.of(
                new UnitState("drbd-services@r\\x2d0.target", "loaded", "active", "active", "", "static", ""),
                new UnitState(evil + ".service", "loaded", "active", "running", "", "static", "success"));
        StatusModel.Peer peer = new StatusModel.Peer("bravo" + ESC + "[31m", 1, "Secondary", "Connecting" + ESC + "[0m",
                List.of("UpToDate"), List.of("0:Established"));
        StatusModel.Drbd drbd = new StatusModel.Drbd("Primary", true, false, List.of(), List.of("UpToDate"), List.of(peer));
        StatusModel.Resource r = new StatusModel.Resource("r" + ESC + "[1A", "node\r" + ESC + "[K", "alpha", units, List.of(),
                drbd, StatusModel.Promoter.of(Map.of("state", "ACTIVE", "reason", "peer " + evil)), List.of(), List.of(), List.of("warn " + evil));
        StatusModel report = new StatusModel("alpha", true, null,
                List.of(new StatusModel.Snippet(Path.of("/etc/reactord.d/r" + ESC + ".toml"), false, List.of(r), List.of())),
                List.of());
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        new StatusText(t).print(report, true, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return o.toString(StandardCharsets.UTF_8);
    }

    @Test
    void text_hostileNames_controlCharactersEscaped() {
        String text = render(Terminal.plain());
        assertFalse(text.chars().anyMatch(c -> (c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x202e),
                text);
        assertTrue(text.contains("Promoter: Resource r\\x1b[1A currently active on node\\x0d\\x1b[K\n"), text);
        assertTrue(text.contains("● └─ x\\x1b]0;pwned\\x07\\x1b[2J\\u202e\\x9b.service"), text);
        assertTrue(text.contains("● drbd-services@r\\x2d0.target [active/active]\n"), "systemd escapes are kept: " + text);
        assertTrue(text.contains("peer bravo\\x1b[31m (node-id 1): Secondary, Connecting\\x1b[0m"), text);
    }

    @Test
    void text_colourOn_onlyOurOwnSequencesReachTheTerminal() {
        String text = render(new Terminal(true));
        long ours = text.split(ESC + "\\[", -1).length - 1;
        long expected = text.split(ESC + "\\[(1;3[123]|34|1|0)m", -1).length - 1;
        assertEquals(expected, ours, text);
    }
}
