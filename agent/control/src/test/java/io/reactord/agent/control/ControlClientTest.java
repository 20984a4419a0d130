package io.reactord.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.agent.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one control client against a scripted socket: the request line it sends, answers, refusals, silence. */
final class ControlClientTest {
    @TempDir
    Path tmp;

    /** Serves one connection: records the request line, then sends {@code answer} (null: says nothing) and closes. */
    private CompletableFuture<String> serveOnce(Path socket, String answer) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CompletableFuture<String> request = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (server; SocketChannel c = server.accept()) {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                ByteBuffer b = ByteBuffer.allocate(1);
                while (c.read(b) > 0 && b.get(0) != '\n') {
                    got.write(b.get(0));
                    b.clear();
                }
                request.complete(got.toString(StandardCharsets.UTF_8));
                if (answer == null) {
                    Thread.sleep(10_000);
                } else {
                    c.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)));
                }
            } catch (Exception e) {
                request.completeExceptionally(e);
            }
        }, "control-client-test-server");
        t.setDaemon(true);
        t.start();
        return request;
    }

    @Test
    void report_answered_typedRequestOnTheWireAndTypedAnswer() throws Exception {
        Path socket = tmp.resolve("s.sock");
        CompletableFuture<String> line = serveOnce(socket,
                "{\"ok\":true,\"stdout\":\"● r0 \\\"x\\\"\\n\",\"stderr\":\"WARN: w\\n\",\"exit\":3}\n");
        ReportAnswer a = new ControlClient(socket, Duration.ofSeconds(5)).report(
                new ReportRequest(Path.of("/etc/r\"x.toml"), List.of("a.toml"), List.of(), true, false, true));
        assertEquals(new ReportAnswer("● r0 \"x\"\n", "WARN: w\n", 3), a);
        assertEquals("{\"cmd\":\"report\",\"config\":\"/etc/r\\\"x.toml\",\"files\":[\"a.toml\"],\"verbose\":true,\"json\":false,"
                + "\"colour\":true}", line.get(5, TimeUnit.SECONDS));
        ReportRequest back = ReportRequest.of(Json.read(line.get()));
        assertEquals(new ReportRequest(Path.of("/etc/r\"x.toml"), List.of("a.toml"), List.of(), true, false, true), back);
    }

    @Test
    void request_refused_refusedWithTheDaemonsMessage() throws Exception {
        Path socket = tmp.resolve("s.sock");
        serveOnce(socket, "{\"ok\":false,\"error\":\"unknown resource r9\"}\n");
        ControlClient.DaemonException e = assertThrows(ControlClient.DaemonException.class,
                () -> new ControlClient(socket, Duration.ofSeconds(5)).request(Map.of("cmd", "resource", "resource", "r9")));
        assertEquals(ControlClient.DaemonException.Kind.REFUSED, e.kind());
        assertEquals("unknown resource r9", e.getMessage());
    }

    @Test
    void report_olderDaemonsAnswer_refused() throws Exception {
        Path socket = tmp.resolve("s.sock");
        serveOnce(socket, "{\"ok\":true}\n");
        ControlClient.DaemonException e = assertThrows(ControlClient.DaemonException.class, () -> new ControlClient(socket,
                Duration.ofSeconds(5)).report(new ReportRequest(null, List.of(), List.of(), false, false, false)));
        assertEquals(ControlClient.DaemonException.Kind.REFUSED, e.kind());
    }

    @Test
    void request_noSocket_unreachable() {
        ControlClient.DaemonException e = assertThrows(ControlClient.DaemonException.class,
                () -> new ControlClient(tmp.resolve("none.sock"), Duration.ofSeconds(5)).request(Map.of("cmd", "ping")));
        assertEquals(ControlClient.DaemonException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("not running"), e.getMessage());
    }

    @Test
    void request_silentDaemon_unreachableAfterTheTimeout() throws Exception {
        Path socket = tmp.resolve("s.sock");
        serveOnce(socket, null);
        ControlClient.DaemonException e = assertThrows(ControlClient.DaemonException.class,
                () -> new ControlClient(socket, Duration.ofMillis(300)).request(Map.of("cmd", "ping")));
        assertEquals(ControlClient.DaemonException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("did not answer within 300 ms"), e.getMessage());
    }
}
