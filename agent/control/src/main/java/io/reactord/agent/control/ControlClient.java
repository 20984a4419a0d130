package io.reactord.agent.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reactord.agent.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The one client of reactord's control socket (a UNIX stream socket; one JSON object per line each way, see
 * docs/control-socket.md): one connection per request, the request as one line, the answer as one line, both through
 * {@link Json}. {@link #request} is what reactorctl's commands use: an answer with {@code "ok": false} or an
 * {@code "error"} member is a {@link DaemonException} of kind {@link DaemonException.Kind#REFUSED}; no socket, a
 * refused connection or no answer within the timeout is {@link DaemonException.Kind#UNREACHABLE}. {@link #call}
 * returns any answer as it came (tests and tools that look at refusals themselves).
 */
public final class ControlClient implements ControlChannel {
    /** Longest answer accepted (a status of many resources with journal entries). */
    public static final int MAX_ANSWER = 64 * 1024 * 1024;

    private final Path socket;
    private final Duration timeout;

    /** Why a request did not give an answer. */
    public static final class DaemonException extends Exception {
        private static final long serialVersionUID = 1L;

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

    public ControlClient(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /**
     * Sends {@code req} to the daemon at {@code socket} and returns its answer as it came, refusals included; waits as
     * long as the daemon takes.
     *
     * @throws IOException when the daemon cannot be reached or the answer is not JSON
     */
    public static JsonNode call(Path socket, ControlRequest req) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return Json.read(exchange(ch, socket, Json.write(req.toMap()) + "\n"));
        }
    }

    /**
     * A raw request object with {@code cmd} set, for probes and tests that must send what no {@link ControlRequest}
     * allows (unknown commands, hostile members); reactorctl sends typed requests only.
     */
    public static ObjectNode request(String cmd) {
        return Json.object().put("cmd", cmd);
    }

    /** As {@link #call(Path, ControlRequest)} with a raw request object (see {@link #request(String)}). */
    public static JsonNode call(Path socket, ObjectNode req) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return Json.read(exchange(ch, socket, Json.write(req) + "\n"));
        }
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
        String text = line(Json.write(request) + "\n");
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
            throw new DaemonException(DaemonException.Kind.REFUSED, node.path("error").asText("request refused"));
        }
        return node;
    }

    /** Sends the {@code report} request and returns the daemon's rendering. */
    public ReportAnswer report(ReportRequest req) throws DaemonException {
        try {
            return ReportAnswer.of(request(req.toMap()));
        } catch (IllegalArgumentException e) {
            throw new DaemonException(DaemonException.Kind.REFUSED, e.getMessage());
        }
    }

    /**
     * Sends one request line and returns the answer line, within the timeout (a watchdog closes the channel after it).
     */
    private String line(String request) throws DaemonException {
        if (!socketExists()) {
            throw new DaemonException(DaemonException.Kind.UNREACHABLE, "reactord is not running (no control socket at " + socket + ")");
        }
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new DaemonException(DaemonException.Kind.UNREACHABLE, "cannot open a UNIX socket: " + e.getMessage());
        }
        Watchdog watchdog = new Watchdog(ch, timeout.toMillis());
        watchdog.start();
        try (ch) {
            return exchange(ch, socket, request);
        } catch (IOException e) {
            if (watchdog.fired) {
                throw new DaemonException(DaemonException.Kind.UNREACHABLE, "reactord did not answer within "
                        + timeout.toMillis() + " ms on " + socket);
            }
            throw new DaemonException(DaemonException.Kind.UNREACHABLE, "cannot talk to reactord on " + socket + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } finally {
            watchdog.interrupt();
        }
    }

    /** Connects {@code ch} to {@code socket}, sends {@code line} (ending in a newline) and returns the first answer line. */
    static String exchange(SocketChannel ch, Path socket, String line) throws IOException {
        ch.connect(UnixDomainSocketAddress.of(socket));
        ByteBuffer out = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            ch.write(out);
        }
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.allocate(65536);
        while (true) {
            in.clear();
            int n = ch.read(in);
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (in.get(i) == '\n') {
                    got.write(in.array(), 0, i);
                    return got.toString(StandardCharsets.UTF_8);
                }
            }
            got.write(in.array(), 0, n);
            if (got.size() > MAX_ANSWER) {
                throw new IOException("answer longer than " + MAX_ANSWER + " bytes");
            }
        }
        throw new IOException(got.size() == 0 ? "connection closed without an answer" : "connection closed in the middle of an answer");
    }

    /** Closes the channel after the timeout (a plain class: a lambda would cost a bootstrap at start-up). */
    private static final class Watchdog extends Thread {
        private final SocketChannel ch;
        private final long timeoutMs;
        volatile boolean fired;

        Watchdog(SocketChannel ch, long timeoutMs) {
            super("reactorctl-control-timeout");
            this.ch = ch;
            this.timeoutMs = timeoutMs;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                Thread.sleep(timeoutMs);
                fired = true;
                ch.close();
            } catch (InterruptedException | IOException e) {
                // answered in time, or closed
            }
        }
    }
}
