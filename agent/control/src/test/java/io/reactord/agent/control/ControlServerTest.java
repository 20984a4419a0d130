package io.reactord.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ControlServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    private ControlServer server;
    private Path sock;

    private static com.fasterxml.jackson.databind.node.ObjectNode handle(JsonNode req) {
        switch (req.path("cmd").asText()) {
            case "boom":
                throw new IllegalStateException("handler bug");
            case "status":
                return JSON.createObjectNode().put("status", "fine");
            case "slow":
                try {
                    Thread.sleep(req.path("ms").asLong());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return JSON.createObjectNode().put("slow", true);
            case "echo":
                return JSON.createObjectNode().put("echo", req.path("text").asText());
            default:
                throw new IllegalArgumentException("unknown cmd");
        }
    }

    @BeforeEach
    void start() throws IOException {
        sock = tmp.resolve("run/test.sock");
        server = new ControlServer(sock, ControlServerTest::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Sends raw bytes and reads one response line. */
    private JsonNode raw(SocketChannel c, byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            c.write(out);
        }
        ByteArrayOutputStream resp = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.allocate(1);
        while (c.read(in) > 0) {
            in.flip();
            byte b = in.get();
            in.clear();
            if (b == '\n') {
                return JSON.readTree(resp.toString(StandardCharsets.UTF_8));
            }
            resp.write(b);
        }
        throw new IOException("no response");
    }

    private SocketChannel connect() throws IOException {
        SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
        c.connect(UnixDomainSocketAddress.of(sock));
        return c;
    }

    @Test
    void call_validRequest_answersOk() throws IOException {
        JsonNode r = ControlClient.call(sock, ControlClient.request("echo").put("text", "hi"));
        assertTrue(r.path("ok").asBoolean());
        assertEquals("hi", r.path("echo").asText());
    }

    @Test
    void socket_isMode0600() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)));
    }

    @Test
    void call_malformedThenValid_errorThenAnswerOnSameConnection() throws IOException {
        try (SocketChannel c = connect()) {
            JsonNode bad = raw(c, "{not json\n".getBytes(StandardCharsets.UTF_8));
            assertFalse(bad.path("ok").asBoolean());
            JsonNode notObject = raw(c, "[1,2]\n".getBytes(StandardCharsets.UTF_8));
            assertFalse(notObject.path("ok").asBoolean());
            JsonNode good = raw(c, "{\"cmd\":\"echo\",\"text\":\"x\"}\n".getBytes(StandardCharsets.UTF_8));
            assertTrue(good.path("ok").asBoolean());
        }
    }

    @Test
    void call_hugeRequest_errorAndServerSurvives() throws IOException {
        byte[] huge = new byte[ControlServer.MAX_REQUEST + 10];
        java.util.Arrays.fill(huge, (byte) 'a');
        try (SocketChannel c = connect()) {
            JsonNode r = raw(c, huge);
            assertFalse(r.path("ok").asBoolean());
            assertTrue(r.path("error").asText().contains("longer"));
        }
        assertTrue(ControlClient.call(sock, ControlClient.request("echo")).path("ok").asBoolean());
    }

    @Test
    void call_unknownCommandOrHandlerBug_errorReply() throws IOException {
        assertFalse(ControlClient.call(sock, ControlClient.request("nope")).path("ok").asBoolean());
        JsonNode r = ControlClient.call(sock, ControlClient.request("boom"));
        assertFalse(r.path("ok").asBoolean());
        assertTrue(ControlClient.call(sock, ControlClient.request("echo")).path("ok").asBoolean());
    }

    @Test
    void call_nested1000Deep_clearErrorAndServerSurvives() throws IOException {
        String deep = "{\"cmd\":\"echo\",\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}\n";
        try (SocketChannel c = connect()) {
            JsonNode r = raw(c, deep.getBytes(StandardCharsets.UTF_8));
            assertFalse(r.path("ok").asBoolean());
            assertTrue(r.path("error").asText().startsWith("invalid JSON request: JSON nested deeper than 64 levels"), r.toString());
            assertTrue(raw(c, "{\"cmd\":\"echo\"}\n".getBytes(StandardCharsets.UTF_8)).path("ok").asBoolean(), "same connection");
        }
    }

    @Test
    void call_everySlotHeldByIdleClients_statusStillAnsweredOthersRefused() throws IOException {
        java.util.List<SocketChannel> idle = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < ControlServer.MAX_CLIENTS; i++) {
                idle.add(connect());
            }
            // the accept order is the connect order: wait until every idle client holds its slot
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                    ControlClient.call(sock, ControlClient.request("echo")).path("error").asText().startsWith("too many clients"));
            JsonNode status = ControlClient.call(sock, ControlClient.request("status"));
            assertTrue(status.path("ok").asBoolean(), status.toString());
            assertEquals("fine", status.path("status").asText());
        } finally {
            for (SocketChannel c : idle) {
                c.close();
            }
        }
    }

    @Test
    void idleClient_disconnectedAfterTheIdleTimeButNotWhileItsAnswerIsPrepared() throws IOException {
        server.close();
        server = new ControlServer(sock, ControlServerTest::handle, 300);
        server.start();
        try (SocketChannel slow = connect(); SocketChannel idle = connect()) {
            JsonNode r = raw(slow, "{\"cmd\":\"slow\",\"ms\":1500}\n".getBytes(StandardCharsets.UTF_8));
            assertTrue(r.path("slow").asBoolean(), "answered although it took longer than the idle time");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> {
                try {
                    return idle.read(ByteBuffer.allocate(1)) < 0;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    @Test
    void start_regularFileAtPath_refused() throws IOException {
        Path f = tmp.resolve("file.sock");
        Files.writeString(f, "x");
        ControlServer s = new ControlServer(f, req -> JSON.createObjectNode());
        try {
            s.start();
            throw new AssertionError("a regular file must not be replaced");
        } catch (IOException e) {
            assertTrue(e.getMessage().contains("not a socket"));
        }
        assertEquals("x", Files.readString(f));
    }
}
