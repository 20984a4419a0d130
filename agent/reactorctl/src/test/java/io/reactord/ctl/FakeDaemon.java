package io.reactord.ctl;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A control socket that answers each request line with {@code answer(request)}; records the requests. */
final class FakeDaemon implements AutoCloseable {
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final ServerSocketChannel server;
    private final Thread thread;
    private final Path path;

    FakeDaemon(Path path, Function<String, String> answer) throws IOException {
        this.path = path;
        Files.deleteIfExists(path);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        thread = new Thread(() -> {
            while (server.isOpen()) {
                try (SocketChannel c = server.accept()) {
                    ByteBuffer buf = ByteBuffer.allocate(65536);
                    StringBuilder sb = new StringBuilder();
                    while (sb.indexOf("\n") < 0 && c.read(buf) > 0) {
                        buf.flip();
                        sb.append(StandardCharsets.UTF_8.decode(buf));
                        buf.clear();
                    }
                    String req = sb.toString().strip();
                    requests.add(req);
                    c.write(ByteBuffer.wrap((answer.apply(req) + "\n").getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-daemon");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(path);
    }
}
