package io.reactord.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The metrics endpoint: Prometheus text format 0.0.4 written by the official client's writer, except that
 * the families drbd-reactor declares as counters without the {@code _total} suffix
 * ({@link #COUNTERS_WITHOUT_TOTAL}) are typed {@code counter} as there (the client can only expose them as
 * {@code untyped} under those names). A request that asks for OpenMetrics or protobuf goes to the client's
 * own handler, where they stay {@code unknown}: OpenMetrics requires {@code _total} on counter samples.
 */
final class TextHandler implements HttpHandler {
    /** drbd-reactor's counter families whose names do not end in {@code _total}; names kept for dashboards. */
    static final List<String> COUNTERS_WITHOUT_TOTAL = List.of("drbd_peerdevice_sent_bytes", "drbd_peerdevice_received_bytes");

    private final PrometheusRegistry registry;
    private final MetricsHandler negotiated;
    private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);

    TextHandler(PrometheusRegistry registry) {
        this.registry = registry;
        this.negotiated = new MetricsHandler(registry);
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        String accept = x.getRequestHeaders().getFirst("Accept");
        if (accept != null && (accept.contains("openmetrics") || accept.contains("protobuf"))) {
            negotiated.handle(x);
            return;
        }
        try (x) {
            byte[] body = render(registry);
            x.getResponseHeaders().set("Content-Type", PrometheusTextFormatWriter.CONTENT_TYPE);
            boolean head = "HEAD".equals(x.getRequestMethod());
            x.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = x.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The registry as text format 0.0.4 with drbd-reactor's counter types. */
    byte[] render(PrometheusRegistry reg) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
        writer.write(buf, reg.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        return retype(buf.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** Types the families of {@link #COUNTERS_WITHOUT_TOTAL} as counters; nothing else changes. */
    static String retype(String text) {
        String out = text;
        for (String family : COUNTERS_WITHOUT_TOTAL) {
            out = out.replace("\n# TYPE " + family + " untyped\n", "\n# TYPE " + family + " counter\n");
            if (out.startsWith("# TYPE " + family + " untyped\n")) {
                out = "# TYPE " + family + " counter\n" + out.substring(("# TYPE " + family + " untyped\n").length());
            }
        }
        return out;
    }
}
