package io.reactord.agent.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reactord.agent.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the control socket. Each client gets a thread, at most {@link #MAX_CLIENTS} at once; beyond them
 * {@link #RESERVED} more connections may each ask one read-only question ({@link #READ_ONLY}: {@code status} and
 * the like), so idle or slow clients can never lock {@code reactorctl status} out; any other connection beyond is
 * told "too many clients" and closed. A request line longer than {@link #MAX_REQUEST} bytes, invalid JSON (also
 * JSON nested deeper than {@link Json#MAX_DEPTH}) or a handler failure gives an error reply; a client that sends
 * nothing for {@link #IDLE_MS} (while no answer of its is being prepared) is disconnected. No client can stop
 * the daemon.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    public static final int MAX_REQUEST = 64 * 1024;
    public static final int MAX_CLIENTS = 16;
    /** Connections beyond {@link #MAX_CLIENTS} kept for one read-only question each. */
    public static final int RESERVED = 2;
    public static final long IDLE_MS = 5_000;
    /** The requests a reserved connection may make. */
    public static final java.util.Set<String> READ_ONLY = java.util.Set.of("ping", "status", "resource", "report",
            "journal", "why");
    /** Marks a connection whose answer is being prepared (never idle). */
    private static final long BUSY = Long.MAX_VALUE;

    private final Path path;
    private final ControlHandler handler;
    private final Semaphore slots = new Semaphore(MAX_CLIENTS);
    private final Semaphore reserved = new Semaphore(RESERVED);
    private final long idleMs;
    private final Map<SocketChannel, Long> lastActive = new ConcurrentHashMap<>();
    private ServerSocketChannel server;
    private Thread acceptor;
    private Thread reaper;
    private volatile boolean closed;

    public ControlServer(Path path, ControlHandler handler) {
        this(path, handler, IDLE_MS);
    }

    /** A server that disconnects clients idle for {@code idleMs} (tests). */
    ControlServer(Path path, ControlHandler handler, long idleMs) {
        this.path = path;
        this.handler = handler;
        this.idleMs = idleMs;
    }

    /** Binds the socket (replacing a stale one) with mode 0600 and starts accepting. */
    public void start() throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path)) {
                throw new IOException("control socket path " + path + " exists and is not a socket");
            }
            Files.delete(path); // a stale socket of an earlier run
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        acceptor = new Thread(this::acceptLoop, "reactord-control");
        acceptor.setDaemon(true);
        acceptor.start();
        reaper = new Thread(this::reapLoop, "reactord-control-reaper");
        reaper.setDaemon(true);
        reaper.start();
        LOG.info("control socket listening on {}", path);
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("control socket: accept failed: {}", e.toString());
                }
                return;
            }
            Semaphore slot = slots.tryAcquire() ? slots : reserved.tryAcquire() ? reserved : null;
            if (slot == null) {
                reply(c, error("too many clients"));
                closeQuietly(c);
                continue;
            }
            Thread t = new Thread(() -> {
                try {
                    serve(c, slot == reserved);
                } finally {
                    lastActive.remove(c);
                    closeQuietly(c);
                    slot.release();
                }
            }, "reactord-control-client");
            t.setDaemon(true);
            t.start();
        }
    }

    private void reapLoop() {
        while (!closed) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime() / 1_000_000;
            for (Map.Entry<SocketChannel, Long> e : lastActive.entrySet()) {
                if (e.getValue() != BUSY && now - e.getValue() > idleMs) {
                    closeQuietly(e.getKey());
                }
            }
        }
    }

    /** Serves one client; a {@code reserved} one gets one read-only answer. */
    private void serve(SocketChannel c, boolean reserved) {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        lastActive.put(c, System.nanoTime() / 1_000_000);
        try {
            while (c.read(buf) >= 0) {
                lastActive.put(c, System.nanoTime() / 1_000_000);
                buf.flip();
                while (buf.hasRemaining()) {
                    byte b = buf.get();
                    if (b == '\n') {
                        if (tooLong) {
                            reply(c, error("request longer than " + MAX_REQUEST + " bytes"));
                            return;
                        }
                        String req = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        if (req.isBlank()) {
                            continue;
                        }
                        lastActive.put(c, BUSY);
                        boolean sent = reply(c, reserved ? readOnlyAnswer(req) : answer(req));
                        lastActive.put(c, System.nanoTime() / 1_000_000);
                        if (!sent || reserved) {
                            return;
                        }
                    } else if (line.size() >= MAX_REQUEST) {
                        tooLong = true;
                    } else {
                        line.write(b);
                    }
                }
                buf.clear();
                if (tooLong) {
                    reply(c, error("request longer than " + MAX_REQUEST + " bytes"));
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("control client: {}", e.toString());
        }
    }

    /** The answer on a reserved connection: only {@link #READ_ONLY} requests. */
    private ObjectNode readOnlyAnswer(String req) {
        JsonNode node = parse(req);
        if (node != null && node.isObject() && !READ_ONLY.contains(node.path("cmd").asText())) {
            return error("too many clients: only " + String.join(", ", new java.util.TreeSet<>(READ_ONLY))
                    + " are answered now");
        }
        return answer(req);
    }

    private static JsonNode parse(String req) {
        try {
            return Json.read(req);
        } catch (IOException e) {
            return null;
        }
    }

    ObjectNode answer(String req) {
        JsonNode node;
        try {
            node = Json.read(req);
        } catch (IOException e) {
            return error("invalid JSON request: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException
                    ? ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage() : e.getMessage()));
        }
        if (node == null || !node.isObject() || !node.path("cmd").isTextual()) {
            return error("a request is a JSON object with a string \"cmd\"");
        }
        try {
            ObjectNode r = handler.handle(node);
            if (!r.has("ok")) {
                r.put("ok", true);
            }
            return r;
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("control request {} failed: {}", printable(node.path("cmd").asText()), printable(e.toString()));
            return error("internal error: " + e.getMessage());
        }
    }

    private ObjectNode error(String msg) {
        ObjectNode o = Json.object();
        o.put("ok", false);
        o.put("error", printable(String.valueOf(msg)));
        return o;
    }

    /** Longest error text sent back; the rest is cut ("..."). */
    static final int MAX_ERROR = 1000;

    /**
     * An error text as sent: control characters (C0, DEL, C1), bidirectional controls and lone surrogates, which
     * parser messages may copy from a request, written as backslash-x-NN or backslash-u-NNNN; at most
     * {@link #MAX_ERROR} characters.
     */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_ERROR + 8));
        int i = 0;
        for (; i < s.length() && b.length() < MAX_ERROR; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                b.append(String.format("\\x%02x", (int) c));
            } else if (c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f
                    || Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return i < s.length() ? b.append("...").toString() : b.toString();
    }

    private boolean reply(SocketChannel c, ObjectNode o) {
        try {
            ByteBuffer out = ByteBuffer.wrap((Json.write(o) + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                c.write(out);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // closing
        }
        for (SocketChannel c : lastActive.keySet()) {
            closeQuietly(c);
        }
        if (reaper != null) {
            reaper.interrupt();
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("removing {}: {}", path, e.toString());
        }
    }
}
