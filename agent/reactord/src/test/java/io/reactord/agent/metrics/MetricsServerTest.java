package io.reactord.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

final class MetricsServerTest {

    @Test
    void start_portAlreadyTaken_clearOneLineError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String address = "127.0.0.1:" + taken.getLocalPort();
            MetricsException e = assertThrows(MetricsException.class,
                    () -> MetricsServer.start(address, new PrometheusRegistry()));
            assertEquals("cannot listen on " + address + ": Address already in use", e.getMessage());
        }
    }

    @Test
    void start_portZero_servesOnAPortAndStopsOnClose() throws Exception {
        MetricsServer s = MetricsServer.start("127.0.0.1:0", new PrometheusRegistry());
        int port = s.port();
        assertNotEquals(0, port);
        assertEquals(200, Scrape.get(port, "/metrics", null).statusCode());
        s.close();
        assertThrows(ConnectException.class, () -> Scrape.get(port, "/metrics", null));
    }

    @Test
    void start_ipv6Loopback_bound() throws Exception {
        try (MetricsServer s = MetricsServer.start("[::1]:0", new PrometheusRegistry())) {
            assertTrue(s.port() > 0);
        } catch (MetricsException e) {
            // hosts without IPv6: the error must still be one clear line naming the address
            assertTrue(e.getMessage().startsWith("cannot listen on [::1]:0: "), e.getMessage());
        }
    }

    @Test
    void parse_colonPort_wildcardAddress() throws Exception {
        InetSocketAddress a = MetricsServer.parse(":9942");
        assertEquals(9942, a.getPort());
        assertTrue(a.getAddress().isAnyLocalAddress());
    }

    @Test
    void parse_hostAndBracketedV6_addressAndPort() throws Exception {
        assertEquals(InetAddress.getByName("127.0.0.1"), MetricsServer.parse("127.0.0.1:9942").getAddress());
        assertEquals(InetAddress.getByName("::1"), MetricsServer.parse("[::1]:9942").getAddress());
        assertEquals(InetAddress.getByName("0.0.0.0"), MetricsServer.parse("0.0.0.0:0").getAddress());
    }

    @Test
    void parse_badAddresses_errorsNameTheProblem() {
        assertMessage("cannot listen on 9942: missing port, expected HOST:PORT or :PORT", "9942");
        assertMessage("cannot listen on :http: port 'http' is not a number", ":http");
        assertMessage("cannot listen on :70000: port 70000 is out of range 0-65535", ":70000");
        assertMessage("cannot listen on ::1:9942: write IPv6 addresses in brackets, e.g. [::1]:9942", "::1:9942");
        assertMessage("cannot listen on '': empty address, expected e.g. :9942", "");
    }

    private static void assertMessage(String expected, String address) {
        MetricsException e = assertThrows(MetricsException.class, () -> MetricsServer.parse(address));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void start_unknownHost_metricsExceptionNotCrash() {
        MetricsException e = assertThrows(MetricsException.class,
                () -> MetricsServer.start("no-such-host.invalid:9942", new PrometheusRegistry()));
        assertTrue(e.getMessage().startsWith("cannot listen on no-such-host.invalid:9942: unknown host"), e.getMessage());
    }

    @Test
    void scrape_whileCollectorIsSlow_otherThreadsNotBlocked() throws Exception {
        // A scrape runs on the server's threads: a caller that publishes meanwhile never waits for it.
        DrbdMetrics m = new DrbdMetrics(true, DrbdVersions.UNKNOWN);
        PrometheusRegistry reg = new PrometheusRegistry();
        java.util.concurrent.CountDownLatch inCollect = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        reg.register(() -> {
            inCollect.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return m.collect();
        });
        try (MetricsServer s = MetricsServer.start("127.0.0.1:0", reg)) {
            Thread scraper = new Thread(() -> {
                try {
                    Scrape.get(s.port(), "/metrics", null);
                } catch (IOException | InterruptedException ignored) {
                    // the server is closed at the end of the test
                }
            });
            scraper.start();
            assertTrue(inCollect.await(10, java.util.concurrent.TimeUnit.SECONDS));
            m.publish(java.util.Map.of());
            m.publish(java.util.Map.of());
            assertEquals(0, m.snapshot().size());
            release.countDown();
            scraper.join(10_000);
        }
    }
}
