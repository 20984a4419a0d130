package io.reactord.agent.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/** One real endpoint per test class (starting and stopping one costs about a second), scraping any registry. */
final class SharedServer implements AutoCloseable {
    private volatile PrometheusRegistry target = new PrometheusRegistry();
    private final MetricsServer server;

    SharedServer() throws MetricsException {
        PrometheusRegistry outer = new PrometheusRegistry();
        outer.register(() -> target.scrape());
        server = MetricsServer.start("127.0.0.1:0", outer);
    }

    /** Serves {@code registry} and scrapes it over HTTP, parsing strictly. */
    PromText scrape(PrometheusRegistry registry) throws IOException, InterruptedException {
        target = registry;
        return Scrape.scrape(server.port());
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
