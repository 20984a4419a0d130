package io.reactord.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class DrbdMetricsTest {
    private static final DrbdVersions VERSIONS = new DrbdVersions("9.2.8", "9.27.0");

    private static SharedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new SharedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PromText serveAndScrape(boolean enums, List<String> stream) throws Exception {
        DrbdMetrics m = new DrbdMetrics(enums, VERSIONS);
        Scrape.feed(stream, m);
        PrometheusRegistry reg = new PrometheusRegistry();
        reg.register(m);
        return server.scrape(reg);
    }

    @Test
    void scrape_knownStreamWithEnums_exactlyDrbdReactorsSeriesAndValues() throws Exception {
        PromText got = serveAndScrape(true, Scrape.resource("full-stream.txt"));
        Map<String, Double> expected = PromText.samplesOf(Scrape.resource("expected-samples.txt"));
        assertEquals(new TreeMap<>(expected), new TreeMap<>(got.samples));
    }

    @Test
    void scrape_enumsOff_omitsOnlyTheOneHotStateFamilies() throws Exception {
        PromText got = serveAndScrape(false, Scrape.resource("full-stream.txt"));
        Map<String, Double> expected = new TreeMap<>(PromText.samplesOf(Scrape.resource("expected-samples.txt")));
        expected.keySet().removeIf(k -> k.startsWith("drbd_resource_role{") || k.startsWith("drbd_connection_state{")
                || k.startsWith("drbd_device_state{"));
        assertEquals(expected, new TreeMap<>(got.samples));
    }

    @Test
    void scrape_types_areDrbdReactorsGaugesAndCounters() throws Exception {
        PromText got = serveAndScrape(true, Scrape.resource("full-stream.txt"));
        for (String counter : List.of("drbd_device_read_bytes_total", "drbd_device_written_bytes_total",
                "drbd_device_alwrites_total", "drbd_device_bmwrites_total")) {
            assertEquals("counter", got.types.get(counter), counter);
        }
        assertEquals("counter", got.types.get("drbd_peerdevice_sent_bytes"));
        assertEquals("counter", got.types.get("drbd_peerdevice_received_bytes"));
        got.types.forEach((fam, type) -> {
            if (!fam.endsWith("_total") && !fam.startsWith("drbd_peerdevice_sent") && !fam.startsWith("drbd_peerdevice_rec")) {
                assertEquals("gauge", type, fam);
            }
        });
        assertEquals("DRBD role of the resource", got.help.get("drbd_resource_role"));
        assertEquals("Device size in bytes", got.help.get("drbd_device_size_bytes"));
    }

    @Test
    void scrape_noResources_reportsUpVersionAndZeroCount() throws Exception {
        PromText got = serveAndScrape(true, List.of("exists -"));
        assertEquals(Map.of("drbdreactor_up", 1.0, "drbd_version{kmod=\"9.2.8\",utils=\"9.27.0\"}", 1.0,
                "drbd_resource_resources", 0.0), got.samples);
    }

    @Test
    void scrape_destroyedResource_seriesGone() throws Exception {
        List<String> stream = new java.util.ArrayList<>(Scrape.resource("full-stream.txt"));
        stream.add("destroy resource name:s1");
        PromText got = serveAndScrape(true, stream);
        assertEquals(1.0, got.samples.get("drbd_resource_resources"));
        assertFalse(got.samples.keySet().stream().anyMatch(k -> k.contains("name=\"s1\"")));
        assertFalse(got.samples.keySet().stream().anyMatch(k -> k.contains("name=\"gone\"")));
    }

    @Test
    void scrape_nameWithQuoteAndBackslash_escapedAndParsedBack() throws Exception {
        PromText got = serveAndScrape(false, List.of("exists resource name:we\"ird\\ role:Primary may_promote:no promotion_score:1",
                "exists -"));
        assertEquals(1.0, got.samples.get("drbd_resource_promotionscore{name=\"we\\\"ird\\\\\"}"));
    }

    @Test
    void scrape_openMetricsRequested_sameSampleNames() throws Exception {
        DrbdMetrics m = new DrbdMetrics(true, VERSIONS);
        Scrape.feed(Scrape.resource("full-stream.txt"), m);
        PrometheusRegistry reg = new PrometheusRegistry();
        reg.register(m);
        server.scrape(reg);
        java.net.http.HttpResponse<String> r = Scrape.get(server.port(), "/metrics",
                "application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
        java.util.Set<String> names = new java.util.TreeSet<>();
        r.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> names.add(l.substring(0, l.indexOf('{') >= 0 ? l.indexOf('{') : l.indexOf(' '))));
        java.util.Set<String> expected = new java.util.TreeSet<>();
        PromText.samplesOf(Scrape.resource("expected-samples.txt")).keySet()
                .forEach(k -> expected.add(k.contains("{") ? k.substring(0, k.indexOf('{')) : k));
        assertEquals(expected, names);
    }

    @Test
    void scrape_rootPath_servesMetricsLikeDrbdReactor() throws Exception {
        DrbdMetrics m = new DrbdMetrics(false, VERSIONS);
        PrometheusRegistry reg = new PrometheusRegistry();
        reg.register(m);
        server.scrape(reg);
        String body = Scrape.get(server.port(), "/", null).body();
        assertTrue(PromText.parse(body).samples.containsKey("drbdreactor_up"), body);
    }

    @Test
    void snapshot_laterPublish_earlierSnapshotUnchanged() {
        DrbdMetrics m = new DrbdMetrics(false, VERSIONS);
        Scrape.feed(Scrape.resource("full-stream.txt"), m);
        Map<String, io.reactord.events2.ResourceInfo> before = m.snapshot();
        m.publish(Map.of());
        assertEquals(2, before.size());
        assertEquals(0, m.snapshot().size());
    }

    @Test
    void onEvent_rename_seriesMoveToTheNewName() {
        DrbdMetrics m = new DrbdMetrics(false, VERSIONS);
        io.reactord.events2.ClusterState st = Scrape.feed(Scrape.resource("full-stream.txt"), m);
        io.reactord.events2.Event rename = io.reactord.events2.Events2Parser.parse("rename resource name:s1 new_name:s2");
        st.apply(rename);
        m.onEvent(rename, st);
        assertEquals(java.util.Set.of("r0", "s2"), m.snapshot().keySet());
        assertEquals(2, m.snapshot().get("s2").devices().size());
    }

    @Test
    void onEvent_restartedStreamWithoutAResource_droppedAtDumpEnd() {
        DrbdMetrics m = new DrbdMetrics(false, VERSIONS);
        io.reactord.events2.ClusterState st = Scrape.feed(Scrape.resource("full-stream.txt"), m);
        st.beginDump();
        for (String l : List.of("exists resource name:r0 role:Primary may_promote:no promotion_score:10103", "exists -")) {
            io.reactord.events2.Event e = io.reactord.events2.Events2Parser.parse(l);
            st.apply(e);
            m.onEvent(e, st);
        }
        assertEquals(java.util.Set.of("r0"), m.snapshot().keySet());
        assertTrue(m.snapshot().get("r0").devices().isEmpty(), "devices not re-reported are gone");
    }

    @Test
    void count_malformedStatistics_readAsZero() {
        assertEquals(0, DrbdMetrics.count(io.reactord.events2.Attrs.of("size", "-5"), "size"));
        assertEquals(0, DrbdMetrics.count(io.reactord.events2.Attrs.of("size", "12x"), "size"));
        assertEquals(0, DrbdMetrics.count(io.reactord.events2.Attrs.of("size", "99999999999999999999"), "size"));
        assertEquals(0, DrbdMetrics.count(io.reactord.events2.Attrs.EMPTY, "size"));
        assertEquals(42, DrbdMetrics.count(io.reactord.events2.Attrs.of("size", "42"), "size"));
    }
}
