package io.reactord.agent.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One exchange on the control socket's framing: connect, write one request line, read one answer line. No
 * JSON here, so that the quick status path can use it without loading a JSON library.
 */
public final class SocketLines {
    private SocketLines() {}

    /** Sends {@code line} (ending in a newline) and returns the first answer line, without its newline. */
    public static String exchange(SocketChannel ch, Path socket, String line, int maxAnswer) throws IOException {
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
            if (got.size() > maxAnswer) {
                throw new IOException("answer longer than " + maxAnswer + " bytes");
            }
        }
        throw new IOException(got.size() == 0 ? "connection closed without an answer" : "connection closed in the middle of an answer");
    }
}
