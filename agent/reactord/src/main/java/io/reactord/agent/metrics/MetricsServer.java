package io.reactord.agent.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP endpoint of one {@code [[prometheus]]} table, served by the official client's HTTPServer on two
 * daemon threads of its own. The metrics ({@link TextHandler}) answer on {@code /metrics} and, as drbd-reactor
 * answers any path, on {@code /} too. Addresses are written as in drbd-reactor: {@code ":9942"} (every address),
 * {@code "0.0.0.0:9942"}, {@code "127.0.0.1:9942"}, {@code "[::1]:9942"}; port 0 picks a free port.
 */
public final class MetricsServer implements AutoCloseable {
    private static final int THREADS = 2;
    /** Where the client's own handler stays registered (it must have a path); every other path is ours. */
    static final String CLIENT_PATH = "/-/client-metrics";

    private final HTTPServer server;
    private final String address;

    private MetricsServer(HTTPServer server, String address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Listens on {@code address} and serves {@code registry}. A bad address or a failed bind is a
     * {@link MetricsException} whose message is the one line to log, e.g.
     * {@code cannot listen on :9942: Address already in use}.
     */
    public static MetricsServer start(String address, PrometheusRegistry registry) throws MetricsException {
        InetSocketAddress sa = parse(address);
        ExecutorService pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(64), daemonThreads(), new ThreadPoolExecutor.DiscardPolicy());
        try {
            HTTPServer.Builder b = HTTPServer.builder().port(sa.getPort()).registry(registry).executorService(pool)
                    .metricsHandlerPath(CLIENT_PATH).defaultHandler(new TextHandler(registry));
            if (sa.getAddress() != null) {
                b.inetAddress(sa.getAddress());
            }
            return new MetricsServer(b.buildAndStart(), address);
        } catch (IOException | RuntimeException e) {
            pool.shutdownNow();
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new MetricsException("cannot listen on " + address + ": " + why, e);
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.getPort();
    }

    /** The address as configured. */
    public String address() {
        return address;
    }

    /** Stops listening and ends the server's threads. */
    @Override
    public void close() {
        server.close();
    }

    /** {@code ":P"} → wildcard; {@code "[v6]:P"}, {@code "host:P"}; the port is required. */
    static InetSocketAddress parse(String address) throws MetricsException {
        if (address == null || address.isBlank()) {
            throw new MetricsException("cannot listen on '" + address + "': empty address, expected e.g. :9942");
        }
        String a = address.trim();
        int colon = a.lastIndexOf(':');
        if (colon < 0) {
            throw new MetricsException("cannot listen on " + address + ": missing port, expected HOST:PORT or :PORT");
        }
        String host = a.substring(0, colon);
        String portText = a.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new MetricsException("cannot listen on " + address + ": port '" + portText + "' is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new MetricsException("cannot listen on " + address + ": port " + port + " is out of range 0-65535");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new MetricsException("cannot listen on " + address + ": write IPv6 addresses in brackets, e.g. [::1]:9942");
        }
        if (host.isEmpty()) {
            return new InetSocketAddress(port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new MetricsException("cannot listen on " + address + ": unknown host '" + host + "'", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "metrics-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
