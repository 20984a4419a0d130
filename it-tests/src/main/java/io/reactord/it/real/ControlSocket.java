package io.reactord.it.real;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal client of the agent's control socket (newline-delimited JSON, docs/control-socket.md). */
final class ControlSocket {
    private ControlSocket() {
    }

    /** Sends one request line and returns the answer line, or null when the socket does not answer. */
    static String request(Path socket, String json, long timeoutMs) {
        if (!Files.exists(socket)) {
            return null;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.configureBlocking(true);
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            long end = System.nanoTime() + timeoutMs * 1_000_000L;
            while (System.nanoTime() < end) {
                if (ch.read(buf) < 0) {
                    break;
                }
                String s = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
                int nl = s.indexOf('\n');
                if (nl >= 0) {
                    return s.substring(0, nl);
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The resource's entry of a status answer as an {@link io.reactord.it.AgentReport}, or null without one. */
    static io.reactord.it.AgentReport report(String answer, String resource) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(answer);
            for (com.fasterxml.jackson.databind.JsonNode r : root.path("resources")) {
                if (!resource.equals(r.path("name").asText())) {
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode drbd = r.path("drbd");
                java.util.Map<String, String> peers = new java.util.LinkedHashMap<>();
                for (com.fasterxml.jackson.databind.JsonNode p : drbd.path("peers")) {
                    peers.put(p.path("name").asText(), p.path("connection").asText());
                }
                return new io.reactord.it.AgentReport(r.path("state").asText(), drbd.path("role").asText("unknown"),
                        peers);
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The {@code active_on} of {@code resource} in a status answer: the node name, "-" for null, or null when the
     * answer has no such resource.
     */
    static String activeOn(String answer, String resource) {
        int at = answer.indexOf("\"name\":\"" + resource + "\"");
        if (at < 0) {
            return null;
        }
        int next = answer.indexOf("\"name\":\"", at + 8 + resource.length());
        String entry = next < 0 ? answer.substring(at) : answer.substring(at, next);
        Matcher m = Pattern.compile("\"active_on\":(null|\"([^\"]*)\")").matcher(entry);
        if (!m.find()) {
            return null;
        }
        return m.group(2) == null ? "-" : m.group(2);
    }
}
