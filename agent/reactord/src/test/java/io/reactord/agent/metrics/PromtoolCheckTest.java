package io.reactord.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The exporter's text output checked by {@code promtool check metrics} (Debian package {@code prometheus}):
 * DRBD families of a full events2 stream plus the promoter's, scraped over HTTP from the real endpoint.
 */
final class PromtoolCheckTest {

    private static Path promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "promtool");
            if (Files.isExecutable(p)) return p;
        }
        if ("1".equals(System.getenv("REACTORD_REQUIRE_SYSTEMD"))) {
            throw new AssertionError("promtool missing: install the Debian package prometheus (REACTORD_REQUIRE_SYSTEMD=1)");
        }
        Assumptions.abort("promtool missing (Debian package prometheus)");
        return null;
    }

    @Test
    void promtoolCheckMetrics_fullScrape_parsesAndOnlyDrbdReactorsCounterNamesAreHinted() throws Exception {
        Path promtool = promtool();
        DrbdMetrics drbd = new DrbdMetrics(true, new DrbdVersions("9.2.8", "9.27.0"));
        Scrape.feed(Scrape.resource("full-stream.txt"), drbd);
        PrometheusRegistry reg = new PrometheusRegistry();
        reg.register(drbd);
        PromoterMetrics promoter = new PromoterMetrics(List.of("IDLE", "ACTIVE"), System::nanoTime);
        promoter.state("r0", "ACTIVE");
        promoter.transition("r0", "IDLE", "ACTIVE");
        promoter.promotionAttempt("r0");
        promoter.failover("r0", 1.5);
        reg.register(promoter);
        String body;
        try (MetricsServer server = MetricsServer.start("127.0.0.1:0", reg)) {
            body = Scrape.get(server.port(), "/metrics", null).body();
        }
        assertTrue(body.contains("# TYPE drbd_peerdevice_sent_bytes counter"), body);

        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(body.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "promtool hung");
        List<String> findings = out.lines().filter(l -> !l.isBlank()).sorted().collect(Collectors.toList());
        assertEquals(List.of("drbd_peerdevice_received_bytes counter metrics should have \"_total\" suffix",
                "drbd_peerdevice_sent_bytes counter metrics should have \"_total\" suffix"), findings, out);
        assertEquals(3, p.exitValue(), "promtool: 3 = lint hints only (1 would be a parse error)\n" + out);
    }

    @Test
    void promtoolCheckMetrics_withoutTheTwoDrbdReactorFamilies_clean() throws Exception {
        Path promtool = promtool();
        PrometheusRegistry reg = new PrometheusRegistry();
        reg.register(new DrbdMetrics(true, new DrbdVersions("9.2.8", "9.27.0")));
        String body = new String(new TextHandler(reg).render(reg), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(body.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "promtool hung");
        assertEquals(0, p.exitValue(), out + "\n" + body);
    }

}
