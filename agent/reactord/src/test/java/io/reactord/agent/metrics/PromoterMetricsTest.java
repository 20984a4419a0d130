package io.reactord.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class PromoterMetricsTest {
    private static final List<String> STATES = List.of("UNKNOWN", "IDLE", "STARTING", "ACTIVE");

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PromoterMetrics pm = new PromoterMetrics(STATES, clock::get);

    {
        registry.register(pm);
    }

    private static SharedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new SharedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private PromText scrape() throws Exception {
        return server.scrape(registry);
    }

    @Test
    void transition_countsAndMovesOneHotState() throws Exception {
        pm.state("r0", "IDLE");
        pm.transition("r0", "IDLE", "STARTING");
        pm.transition("r0", "STARTING", "ACTIVE");
        pm.transition("r0", "ACTIVE", "IDLE");
        pm.transition("r0", "IDLE", "STARTING");
        PromText t = scrape();
        assertEquals(2.0, t.samples.get("reactord_transitions_total{from=\"IDLE\",resource=\"r0\",to=\"STARTING\"}"));
        assertEquals(1.0, t.samples.get("reactord_transitions_total{from=\"ACTIVE\",resource=\"r0\",to=\"IDLE\"}"));
        assertEquals("counter", t.types.get("reactord_transitions_total"));
        for (String s : STATES) {
            assertEquals(s.equals("STARTING") ? 1.0 : 0.0,
                    t.samples.get("reactord_promoter_state{resource=\"r0\",state=\"" + s + "\"}"), s);
        }
    }

    @Test
    void counters_perResource() throws Exception {
        pm.promotionAttempt("r0");
        pm.promotionAttempt("r0");
        pm.promotionWin("r0");
        pm.startFailure("r0");
        pm.escalation("r1");
        pm.events2Restart();
        pm.events2Restart();
        pm.configGeneration(3);
        PromText t = scrape();
        assertEquals(2.0, t.samples.get("reactord_promotion_attempts_total{resource=\"r0\"}"));
        assertEquals(1.0, t.samples.get("reactord_promotion_wins_total{resource=\"r0\"}"));
        assertEquals(1.0, t.samples.get("reactord_start_failures_total{resource=\"r0\"}"));
        assertEquals(1.0, t.samples.get("reactord_escalations_total{resource=\"r1\"}"));
        assertEquals(2.0, t.samples.get("reactord_events2_restarts_total"));
        assertEquals(3.0, t.samples.get("reactord_config_generation"));
    }

    @Test
    void events2Restarts_beforeAnyRestart_exportedAsZero() throws Exception {
        assertEquals(0.0, scrape().samples.get("reactord_events2_restarts_total"));
    }

    @Test
    void failover_histogramBucketsCumulative() throws Exception {
        pm.failover("r0", 0.3);
        pm.failover("r0", 4);
        pm.failover("r0", -1);
        PromText t = scrape();
        assertEquals("histogram", t.types.get("reactord_failover_seconds"));
        assertEquals(0.0, t.samples.get("reactord_failover_seconds_bucket{le=\"0.25\",resource=\"r0\"}"));
        assertEquals(1.0, t.samples.get("reactord_failover_seconds_bucket{le=\"0.5\",resource=\"r0\"}"));
        assertEquals(2.0, t.samples.get("reactord_failover_seconds_bucket{le=\"5.0\",resource=\"r0\"}"));
        assertEquals(2.0, t.samples.get("reactord_failover_seconds_bucket{le=\"+Inf\",resource=\"r0\"}"));
        assertEquals(2.0, t.samples.get("reactord_failover_seconds_count{resource=\"r0\"}"));
        assertEquals(4.3, t.samples.get("reactord_failover_seconds_sum{resource=\"r0\"}"), 1e-9);
    }

    @Test
    void secondsSinceLastEvent_readAtScrapeFromInjectedClock() throws Exception {
        clock.addAndGet(2_500_000_000L);
        assertEquals(2.5, scrape().samples.get("reactord_seconds_since_last_event"), 1e-9);
        pm.lastEvent(clock.get());
        clock.addAndGet(750_000_000L);
        assertEquals(0.75, scrape().samples.get("reactord_seconds_since_last_event"), 1e-9);
        pm.lastEvent(clock.get() + 5_000_000_000L);
        assertEquals(0.0, scrape().samples.get("reactord_seconds_since_last_event"));
    }

    @Test
    void remove_dropsEverySeriesOfTheResourceOnly() throws Exception {
        pm.transition("r0", "IDLE", "ACTIVE");
        pm.transition("r1", "IDLE", "ACTIVE");
        pm.promotionAttempt("r0");
        pm.failover("r0", 1);
        pm.remove("r0");
        PromText t = scrape();
        assertFalse(t.samples.keySet().stream().anyMatch(k -> k.contains("resource=\"r0\"")), t.samples.toString());
        assertTrue(t.samples.containsKey("reactord_promoter_state{resource=\"r1\",state=\"ACTIVE\"}"));
        assertTrue(t.samples.containsKey("reactord_transitions_total{from=\"IDLE\",resource=\"r1\",to=\"ACTIVE\"}"));
    }

    @Test
    void collector_registeredWithTwoEndpoints_bothServeTheSameCounts() throws Exception {
        PrometheusRegistry second = new PrometheusRegistry();
        second.register(pm);
        second.register(new DrbdMetrics(true, DrbdVersions.UNKNOWN));
        pm.escalation("r0");
        assertEquals(1.0, scrape().samples.get("reactord_escalations_total{resource=\"r0\"}"));
        PromText t = server.scrape(second);
        assertEquals(1.0, t.samples.get("reactord_escalations_total{resource=\"r0\"}"));
        assertEquals(1.0, t.samples.get("drbdreactor_up"));
    }

    @Test
    void calls_fromManyThreads_noLostIncrements() throws Exception {
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Thread(() -> {
                for (int j = 0; j < 2_000; j++) pm.promotionAttempt("r0");
            });
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        assertEquals(8_000.0, scrape().samples.get("reactord_promotion_attempts_total{resource=\"r0\"}"));
    }
}
