package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reactord.agent.control.ControlClient;
import io.reactord.agent.control.ControlServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's control handlers refuse resource and node names outside the rules before anything acts on
 * them, through the real control socket: a clear error reply, and the server keeps answering. The
 * handler runs without a daemon behind it, so any request that got past the check would fail differently.
 */
final class DaemonControlNamesTest {
    private static final List<String> HOSTILE = List.of("r0;touch${IFS}PWNED;:", "${HOME}", "-r0", "a b", "a/b", "$(id)",
            "a\u001b[2Jb", ".hidden", "x".repeat(200));

    @TempDir
    Path tmp;
    private ControlServer server;
    private Path sock;

    @BeforeEach
    void start() throws IOException {
        sock = tmp.resolve("run/reactord.sock");
        server = new ControlServer(sock, new DaemonControl(null));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode call(ObjectNode req) throws IOException {
        return ControlClient.call(sock, req);
    }

    @Test
    void everyResourceVerb_hostileName_clearErrorAndServerKeepsAnswering() throws IOException {
        for (String cmd : List.of("resource", "journal", "why", "evict", "move", "disable", "enable")) {
            for (String name : HOSTILE) {
                ObjectNode req = ControlClient.request(cmd).put("resource", name);
                if (cmd.equals("move")) {
                    req.put("to", "beta");
                }
                JsonNode r = call(req);
                assertFalse(r.path("ok").asBoolean(true), cmd + " " + name + ": " + r);
                String e = r.path("error").asText();
                assertTrue(e.startsWith("resource name '"), cmd + ": " + e);
                assertFalse(e.contains("\u001b"), "control characters escaped: " + e);
            }
        }
        assertTrue(call(ControlClient.request("ping")).path("ok").asBoolean(), "server still answers");
    }

    @Test
    void resourceField_missingOrNotText_saysSo() throws IOException {
        assertEquals("this request needs \"resource\"", call(ControlClient.request("why")).path("error").asText());
        assertEquals("this request needs \"resource\"", call(ControlClient.request("evict").put("resource", "")).path("error").asText());
        assertEquals("\"resource\" must be a string", call(ControlClient.request("enable").put("resource", 7)).path("error").asText());
        ObjectNode nested = ControlClient.request("disable");
        nested.putObject("resource").put("x", "r0");
        assertEquals("\"resource\" must be a string", call(nested).path("error").asText());
    }

    @Test
    void move_hostileTarget_clearError() throws IOException {
        JsonNode r = call(ControlClient.request("move").put("resource", "r0").put("to", "beta;reboot"));
        assertEquals("\"to\": node name 'beta;reboot' contains ';'; node names may contain only letters, digits and _ . -",
                r.path("error").asText());
        assertTrue(call(ControlClient.request("ping")).path("ok").asBoolean());
    }
}
