package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reactord.agent.control.ControlClient;
import io.reactord.agent.control.ControlServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzz of the control protocol against the real {@link ControlServer} and the daemon's request handler
 * over the UNIX socket: random bytes, mutated JSON (deep nesting, huge strings, wrong types, unknown commands,
 * hostile names). Every request line gets exactly one line back, a JSON object with a boolean {@code ok} and,
 * when not ok, a printable {@code error}; nothing that fails validation reaches the daemon (which is absent
 * here, so a request that got through would answer "internal error"); the server answers {@code ping}
 * afterwards. Fixed seed, bounded by time, so it runs in the normal test phase.
 */
final class ControlFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 0x15_15_15L;
    private static final long BUDGET_MS = 3_000;
    private static final List<String> CMDS = List.of("ping", "status", "resource", "report", "journal", "why", "evict",
            "move", "disable", "enable", "", "PING", "shutdown", "ping\u0000", "\u001b[2J", "x".repeat(300));
    /** Commands that, with valid arguments, go on to the (absent) daemon. */
    private static final Set<String> REACH_DAEMON = Set.of("status", "resource", "report", "journal", "why", "evict",
            "move", "disable", "enable");
    private static final List<String> NAMES = List.of("r0", "r0;touch${IFS}PWNED;:", "${HOME}", "-r0", "a b", "a/b",
            "$(id)", "a\u001b[2Jb", ".hidden", "x".repeat(200), "x\uD83D\uDE00y", "\uD800", "%I", "r0\n{\"cmd\":\"ping\"}",
            "../../etc/shadow", "");

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

    @Test
    @Timeout(60)
    void randomAndMutatedRequests_oneCleanAnswerEach_serverKeepsAnswering() throws IOException {
        Random rnd = new Random(SEED);
        long end = System.nanoTime() + BUDGET_MS * 1_000_000;
        int sent = 0;
        int errors = 0;
        SocketChannel c = connect();
        try {
            while (System.nanoTime() < end || sent < 200) {
                byte[] line = rnd.nextInt(4) == 0 ? randomBytes(rnd) : mutatedJson(rnd).getBytes(StandardCharsets.UTF_8);
                if (new String(line, StandardCharsets.UTF_8).isBlank()) {
                    continue; // blank lines are skipped by the protocol, no answer
                }
                boolean tooLong = line.length > ControlServer.MAX_REQUEST;
                String answer = exchange(c, line, tooLong);
                sent++;
                if (tooLong) {
                    assertEquals("{\"ok\":false,\"error\":\"request longer than 65536 bytes\"}", answer);
                    assertTrue(closed(c), "closed after an over-long line");
                    c.close();
                    c = connect();
                    continue;
                }
                JsonNode r;
                try {
                    r = JSON.readTree(answer);
                } catch (IOException e) {
                    fail("answer not JSON for request " + preview(line) + ": " + answer);
                    return;
                }
                assertTrue(r.isObject() && r.path("ok").isBoolean(), "answer " + answer);
                if (!r.path("ok").asBoolean()) {
                    errors++;
                    String e = r.path("error").asText("");
                    assertFalse(e.isEmpty(), "error text for " + preview(line));
                    assertTrue(e.chars().noneMatch(ch -> ch < 0x20 || ch >= 0x7f && ch <= 0x9f), "control characters in " + answer);
                    assertTrue(e.length() <= 1003, "bounded error text: " + e.length());
                    if (e.startsWith("internal error")) {
                        assertTrue(reachesDaemon(line), "got past validation: " + preview(line) + " -> " + answer);
                    }
                }
            }
            assertTrue(JSON.readTree(exchange(c, "{\"cmd\":\"ping\"}".getBytes(StandardCharsets.UTF_8), false))
                    .path("ok").asBoolean(), "same connection still served");
        } finally {
            c.close();
        }
        assertTrue(sent >= 200, "sent " + sent);
        assertTrue(errors > sent / 2, "most fuzz requests are refused: " + errors + "/" + sent);
        assertTrue(ControlClient.call(sock, ControlClient.request("ping")).path("ok").asBoolean(), "server still answers");
    }

    /** True when the request is an object with a known command whose arguments pass the handler's checks. */
    private static boolean reachesDaemon(byte[] line) {
        try {
            JsonNode n = JSON.readTree(line);
            return n.isObject() && REACH_DAEMON.contains(n.path("cmd").asText(null));
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] randomBytes(Random rnd) {
        byte[] b = new byte[1 + rnd.nextInt(rnd.nextBoolean() ? 64 : 70_000)];
        rnd.nextBytes(b);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                b[i] = ' ';
            }
        }
        return b;
    }

    private static String mutatedJson(Random rnd) {
        StringBuilder s = new StringBuilder("{");
        String cmd = CMDS.get(rnd.nextInt(CMDS.size()));
        switch (rnd.nextInt(6)) {
            case 0 -> s.append("\"cmd\":").append(value(rnd, 0));
            case 1 -> s.append("\"cmd\":\"").append(esc(cmd)).append("\",\"cmd\":\"ping\"");
            default -> s.append("\"cmd\":\"").append(esc(cmd)).append('"');
        }
        int fields = rnd.nextInt(4);
        for (int i = 0; i < fields; i++) {
            String key = List.of("resource", "to", "for_s", "now", "keep_masked", "lines", "x", "").get(rnd.nextInt(8));
            String v = rnd.nextInt(3) == 0 ? value(rnd, 0) : "\"" + esc(NAMES.get(rnd.nextInt(NAMES.size()))) + "\"";
            s.append(",\"").append(key).append("\":").append(v);
        }
        if (rnd.nextInt(8) == 0) {
            int depth = 1 + rnd.nextInt(2000);
            s.append(",\"deep\":").append("[".repeat(depth)).append("]".repeat(depth));
        }
        s.append('}');
        String out = s.toString();
        switch (rnd.nextInt(10)) {
            case 0 -> out = out.substring(0, rnd.nextInt(out.length() + 1)); // truncated
            case 1 -> {
                char[] ch = out.toCharArray();
                ch[rnd.nextInt(ch.length)] = (char) (0x20 + rnd.nextInt(0x60)); // one character flipped
                out = new String(ch);
            }
            case 2 -> out = "[" + out + "]";
            default -> { }
        }
        return out;
    }

    private static String value(Random rnd, int depth) {
        switch (depth > 3 ? rnd.nextInt(5) : rnd.nextInt(8)) {
            case 0: return "null";
            case 1: return Long.toString(rnd.nextLong());
            case 2: return rnd.nextBoolean() ? "true" : "false";
            case 3: return "1e999";
            case 4: return "\"" + "A".repeat(rnd.nextInt(60_000)) + "\"";
            case 5: return "[" + value(rnd, depth + 1) + "," + value(rnd, depth + 1) + "]";
            case 6: return "{\"k\":" + value(rnd, depth + 1) + "}";
            default: return "\"" + esc(NAMES.get(rnd.nextInt(NAMES.size()))) + "\"";
        }
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch < 0x20 || ch == '"' || ch == '\\' || Character.isSurrogate(ch)) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static String preview(byte[] line) {
        String s = new String(line, 0, Math.min(line.length, 200), StandardCharsets.UTF_8);
        return s.replaceAll("\\p{Cntrl}", "?") + (line.length > 200 ? "… (" + line.length + " bytes)" : "");
    }

    /** True when the server has closed the connection (end of stream, or reset because input was left unread). */
    private static boolean closed(SocketChannel c) {
        try {
            return c.read(ByteBuffer.allocate(1)) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private SocketChannel connect() throws IOException {
        SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
        c.connect(UnixDomainSocketAddress.of(sock));
        return c;
    }

    /** Sends one line and reads exactly one line back; a second line or a close would show up in later exchanges. */
    private static String exchange(SocketChannel c, byte[] line, boolean mayBeCut) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        try {
            while (out.hasRemaining()) {
                c.write(out);
            }
        } catch (IOException e) {
            if (!mayBeCut) {
                throw e;
            }
            // the server answers an over-long line and closes before reading it all; its answer is still readable
        }
        ByteArrayOutputStream resp = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.allocate(1);
        while (c.read(in) > 0) {
            in.flip();
            byte b = in.get();
            in.clear();
            if (b == '\n') {
                return resp.toString(StandardCharsets.UTF_8);
            }
            resp.write(b);
        }
        throw new IOException("connection closed without an answer after " + preview(line));
    }
}
