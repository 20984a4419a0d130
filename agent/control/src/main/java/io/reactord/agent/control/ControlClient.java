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
import java.nio.file.Path;

/** One request, one response over the control socket. */
public final class ControlClient {
    /** Longest response accepted. */
    static final int MAX_RESPONSE = 16 << 20;

    private ControlClient() {}

    /** A new request object with {@code cmd} set. */
    public static ObjectNode request(String cmd) {
        return Json.object().put("cmd", cmd);
    }

    /**
     * Sends {@code req} to the daemon at {@code socket} and returns its response.
     *
     * @throws IOException when the daemon cannot be reached or the response is not JSON
     */
    public static JsonNode call(Path socket, ObjectNode req) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap((Json.write(req) + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                c.write(out);
            }
            ByteArrayOutputStream resp = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (c.read(in) >= 0) {
                in.flip();
                while (in.hasRemaining()) {
                    byte b = in.get();
                    if (b == '\n') {
                        return Json.read(resp.toString(StandardCharsets.UTF_8));
                    }
                    resp.write(b);
                    if (resp.size() > MAX_RESPONSE) {
                        throw new IOException("response too long");
                    }
                }
                in.clear();
            }
            throw new IOException("the daemon closed the connection without a response");
        }
    }
}
