package io.reactord.agent.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.reactord.agent.json.Json;
import io.reactord.agent.json.JsonWriter;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client of reactord's control socket (a UNIX stream socket; one JSON object per line each way, see
 * docs/control-socket.md): one connection per request, the request as one line, the answer as one
 * line. An answer with {@code "ok": false} or an {@code "error"} member is a {@link DaemonException}
 * of kind {@link DaemonException.Kind#REFUSED}; no socket, a refused connection or no answer within the
 * timeout is {@link DaemonException.Kind#UNREACHABLE}. Jackson is loaded only here, so commands that
 * never reach the daemon do not pay for it.
 */
public final class DaemonClient implements ControlChannel {
    /** Longest answer accepted (a status of many resources with journal entries). */
    static final int MAX_ANSWER = 16 * 1024 * 1024;

    private final Path socket;
    private final Duration timeout;

    /** Why a request did not give an answer. */
    public static final class DaemonException extends Exception {
        public enum Kind { UNREACHABLE, REFUSED }

        private final Kind kind;

        public DaemonException(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    public DaemonClient(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    @Override
    public Path socket() {
        return socket;
    }

    /** Cheap check before connecting: the socket file exists. */
    @Override
    public boolean socketExists() {
        return Files.exists(socket);
    }

    /** Sends {@code request} (e.g. {@code {"cmd":"status"}}) and returns the answer object. */
    @Override
    public JsonNode request(Map<String, ?> request) throws DaemonException {
        if (!socketExists()) {
            throw new DaemonException(DaemonException.Kind.UNREACHABLE, "reactord is not running (no control socket at " + socket + ")");
        }
        String line = JsonWriter.write(request) + "\n";
        CompletableFuture<String> answer = new CompletableFuture<>();
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new DaemonException(DaemonException.Kind.UNREACHABLE, "cannot open a UNIX socket: " + e.getMessage());
        }
        Thread t = new Thread(() -> exchange(ch, line, answer), "reactorctl-control");
        t.setDaemon(true);
        t.start();
        String text;
        try {
            text = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close(ch);
            throw new DaemonException(DaemonException.Kind.UNREACHABLE, "reactord did not answer within "
                    + timeout.toMillis() + " ms on " + socket);
        } catch (Exception e) {
            close(ch);
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new DaemonException(DaemonException.Kind.UNREACHABLE, "cannot talk to reactord on " + socket + ": "
                    + (c.getMessage() == null ? c.toString() : c.getMessage()));
        }
        JsonNode node;
        try {
            node = Json.read(text);
        } catch (IOException e) {
            throw new DaemonException(DaemonException.Kind.REFUSED, "reactord sent an answer that is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new DaemonException(DaemonException.Kind.REFUSED, "reactord sent an answer that is not a JSON object");
        }
        if (node.path("ok").isBoolean() && !node.path("ok").asBoolean() || node.hasNonNull("error")) {
            String msg = node.path("error").asText("request refused");
            throw new DaemonException(DaemonException.Kind.REFUSED, msg);
        }
        return node;
    }

    private void exchange(SocketChannel ch, String line, CompletableFuture<String> answer) {
        try (ch) {
            answer.complete(SocketLines.exchange(ch, socket, line, MAX_ANSWER));
        } catch (Exception e) {
            answer.completeExceptionally(e);
        }
    }

    private static void close(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing a broken channel
        }
    }
}
