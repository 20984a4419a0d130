package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.reactord.agent.core.AgentCore;
import io.reactord.agent.core.CommandListener;
import io.reactord.agent.core.InstantUnits;
import io.reactord.agent.core.JobOutcome;
import io.reactord.agent.core.JournalSink;
import io.reactord.agent.core.UnitController;
import io.reactord.agent.metrics.PromoterMetrics;
import io.reactord.agent.promoter.JobResult;
import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.agent.promoter.PromoterState;
import io.reactord.agent.promoter.UnitActiveState;
import io.reactord.agent.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The failover histogram on virtual time: from the promotable edge to the target being active after our start. */
final class DaemonMetricsTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final ArrayDeque<Runnable> loop = new ArrayDeque<>();
    private CompletableFuture<JobOutcome> startJob;

    private final UnitController units = new InstantUnits() {
        @Override
        public CompletableFuture<JobOutcome> start(String r, String u) {
            startJob = new CompletableFuture<>();
            return startJob;
        }
    };

    private final PromoterMetrics pm = new PromoterMetrics(
            Arrays.stream(PromoterState.values()).map(Enum::name).toList(), System::nanoTime);
    private final DaemonMetrics metrics = new DaemonMetrics(null, pm);
    private final AgentCore core = new AgentCore(clock, loop::add, units, metrics.wrap(JournalSink.NONE),
            metrics.wrap(CommandListener.NONE));

    private void drain() {
        Runnable r;
        while ((r = loop.poll()) != null) {
            r.run();
        }
    }

    private void feed(String... lines) {
        for (String l : lines) {
            core.onLine(l);
            drain();
        }
    }

    private void advance(long ms) {
        clock.advanceBy(Duration.ofMillis(ms));
        drain();
    }

    /** r0 Secondary with a Consistent disk (1 s promote sleep), adopted idle. */
    private void idleResource() {
        core.setResources(Map.of("r0", PromoterSettings.defaults("r0", "alpha", "drbd-services@r0.target", List.of("a.service"))));
        feed("exists resource name:r0 role:Secondary suspended:no force-io-failures:no may_promote:no promotion_score:10101",
                "exists device name:r0 volume:0 minor:1 disk:Consistent client:no open:no quorum:yes",
                "exists -");
        assertEquals(PromoterState.IDLE, core.promoters().get("r0").state());
    }

    private HistogramSnapshot.HistogramDataPointSnapshot failover() {
        for (MetricSnapshot s : pm.collect()) {
            if (s.getMetadata().getName().equals("reactord_failover_seconds")) {
                return s.getDataPoints().isEmpty() ? null : ((HistogramSnapshot) s).getDataPoints().get(0);
            }
        }
        throw new AssertionError("no reactord_failover_seconds family");
    }

    @Test
    void configLoaded_startThenTwoReloads_generationCounts() {
        metrics.configLoaded();
        metrics.configLoaded();
        metrics.configLoaded();
        double g = -1;
        for (MetricSnapshot s : pm.collect()) {
            if (s.getMetadata().getName().equals("reactord_config_generation")) {
                g = ((io.prometheus.metrics.model.snapshots.GaugeSnapshot) s).getDataPoints().get(0).getValue();
            }
        }
        assertEquals(3.0, g);
    }

    @Test
    void failover_promotableSleepThenStartJob_observesEdgeToActive() {
        idleResource();
        advance(5_000);
        feed("change resource name:r0 may_promote:yes");
        assertEquals(PromoterState.PENDING, core.promoters().get("r0").state());
        advance(1_000);
        assertEquals(PromoterState.STARTING, core.promoters().get("r0").state());
        advance(2_000);
        startJob.complete(JobOutcome.done(UnitActiveState.ACTIVE));
        drain();
        assertEquals(PromoterState.ACTIVE, core.promoters().get("r0").state());
        HistogramSnapshot.HistogramDataPointSnapshot p = failover();
        assertEquals(1, p.getCount());
        assertEquals(3.0, p.getSum(), 1e-9, "1 s promote sleep + 2 s start job");
    }

    @Test
    void failover_lostRaceThenWin_timesOnlyTheWinningEdge() {
        idleResource();
        feed("change resource name:r0 may_promote:yes");
        advance(1_000);
        advance(500);
        startJob.complete(new JobOutcome(JobResult.SKIPPED, UnitActiveState.INACTIVE, false, ""));
        drain();
        feed("change resource name:r0 may_promote:no");
        assertEquals(PromoterState.IDLE, core.promoters().get("r0").state());
        assertNull(failover(), "a lost race is no failover");

        advance(60_000);
        feed("change resource name:r0 may_promote:yes");
        advance(30_000);
        assertEquals(PromoterState.STARTING, core.promoters().get("r0").state());
        startJob.complete(JobOutcome.done(UnitActiveState.ACTIVE));
        drain();
        assertEquals(PromoterState.ACTIVE, core.promoters().get("r0").state());
        HistogramSnapshot.HistogramDataPointSnapshot p = failover();
        assertEquals(1, p.getCount());
        assertTrue(p.getSum() >= 1.0 && p.getSum() <= 30.0, "from the second edge (61.5 s), not the first: " + p.getSum());
    }

    private double startFailures() {
        for (MetricSnapshot s : pm.collect()) {
            if (s.getMetadata().getName().equals("reactord_start_failures")) {
                return s.getDataPoints().isEmpty() ? 0
                        : ((io.prometheus.metrics.model.snapshots.CounterSnapshot) s).getDataPoints().get(0).getValue();
            }
        }
        throw new AssertionError("no reactord_start_failures_total family");
    }

    @Test
    void startFailures_hostFaultNotCounted_realFailureCounted() {
        idleResource();
        feed("change resource name:r0 may_promote:yes");
        advance(2_000);
        assertEquals(PromoterState.STARTING, core.promoters().get("r0").state());
        startJob.complete(new JobOutcome(JobResult.UNREACHABLE, UnitActiveState.UNKNOWN, null, "bus gone"));
        drain();
        assertEquals(PromoterState.BACKOFF, core.promoters().get("r0").state());
        assertEquals(0.0, startFailures(), "systemd unreachable is a host fault: the promoter counts no failure, nor does the metric");
        advance(PromoterSettings.DEFAULT_BACKOFF_INITIAL.toMillis());
        advance(2_000); // the promote sleep again
        assertEquals(PromoterState.STARTING, core.promoters().get("r0").state());
        startJob.complete(new JobOutcome(JobResult.FAILED, UnitActiveState.FAILED, null, "mount failed"));
        drain();
        assertEquals(PromoterState.BACKOFF, core.promoters().get("r0").state());
        assertEquals(1.0, startFailures(), "a failed start is counted");
    }
}
