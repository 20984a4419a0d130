package io.reactord.agent.daemon;

import io.reactord.agent.core.CommandListener;
import io.reactord.agent.core.JournalSink;
import io.reactord.agent.metrics.DrbdMetrics;
import io.reactord.agent.metrics.DrbdVersions;
import io.reactord.agent.metrics.MetricsServer;
import io.reactord.agent.metrics.PromoterMetrics;
import io.reactord.agent.promoter.Command;
import io.reactord.agent.promoter.JournalEntry;
import io.reactord.agent.promoter.PromoterState;
import io.reactord.config.PrometheusConfig;
import io.reactord.config.ReactordConfig;
import io.reactord.events2.ClusterState;
import io.reactord.events2.Event;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the Prometheus exporters ({@code [[prometheus]]} tables) from the event loop: every events2
 * event, every journaled transition, every start command, every events2 restart, every escalation, every
 * configuration loaded.
 * Without a {@code [[prometheus]]} table it does nothing.
 *
 * <p>A failover is timed on the journal's clock from the transition that opened it (into
 * {@code PENDING}, or into {@code STARTING} other than a restart of an active target) to
 * {@code STARTING -> ACTIVE}; any other way out of {@code PENDING}/{@code STARTING} (lost race, failed
 * start, disable, …) discards it.
 */
final class DaemonMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonMetrics.class);

    private final DrbdMetrics drbd;
    private final PromoterMetrics promoter;
    private final List<MetricsServer> servers = new ArrayList<>();
    /** Journal time (ms) at which each resource became promotable, while its start is pending or running. */
    private final Map<String, Long> promotableSinceMs = new HashMap<>();
    private long generation;

    DaemonMetrics(DrbdMetrics drbd, PromoterMetrics promoter) {
        this.drbd = drbd;
        this.promoter = promoter;
    }

    static DaemonMetrics start(ReactordConfig cfg, String drbdadm) {
        if (cfg.prometheus().isEmpty()) {
            return new DaemonMetrics(null, null);
        }
        boolean enums = cfg.prometheus().stream().anyMatch(PrometheusConfig::enums);
        DrbdMetrics d = new DrbdMetrics(enums, DrbdVersions.probe(drbdadm, Duration.ofSeconds(5)));
        List<String> states = Arrays.stream(PromoterState.values()).map(Enum::name).toList();
        PromoterMetrics p = new PromoterMetrics(states, System::nanoTime);
        DaemonMetrics m = new DaemonMetrics(d, p);
        for (PrometheusConfig pc : cfg.prometheus()) {
            PrometheusRegistry reg = new PrometheusRegistry();
            reg.register(d);
            reg.register(p);
            try {
                m.servers.add(MetricsServer.start(pc.address(), reg));
                LOG.info("metrics on {}", pc.address());
            } catch (Exception e) {
                LOG.error("metrics exporter on {}: {}", pc.address(), e.getMessage());
            }
        }
        return m;
    }

    void onEvent(Event e, ClusterState cs) {
        if (drbd != null && !(e instanceof Event.Unparsed)) {
            drbd.onEvent(e, cs);
            promoter.lastEvent(System.nanoTime());
        }
    }

    /** A configuration was loaded successfully (at start, then at each accepted reload): the generation counts up. */
    void configLoaded() {
        generation++;
        if (promoter != null) {
            promoter.configGeneration(generation);
        }
    }

    void events2Restart() {
        if (promoter != null) {
            promoter.events2Restart();
        }
    }

    /** A demote failure escalated to {@code on-drbd-demote-failure} (counted once by {@link Escalations}). */
    void escalation(String resource) {
        if (promoter != null) {
            promoter.escalation(resource);
        }
    }

    JournalSink wrap(JournalSink j) {
        if (promoter == null) {
            return j;
        }
        return (JournalEntry e) -> {
            j.append(e);
            if (e.from() != e.to()) {
                failoverClock(e);
                promoter.transition(e.resource(), e.from().name(), e.to().name());
                promoter.state(e.resource(), e.to().name());
                if (e.from() == PromoterState.STARTING && e.to() == PromoterState.ACTIVE) {
                    promoter.promotionWin(e.resource());
                } else if (e.from() == PromoterState.STARTING && (e.to() == PromoterState.BACKOFF || e.to() == PromoterState.FAILED)
                        && e.failureCounted()) {
                    promoter.startFailure(e.resource());
                } else if (e.to() == PromoterState.SHUT_DOWN) {
                    promoter.remove(e.resource());
                }
            }
        };
    }

    private void failoverClock(JournalEntry e) {
        PromoterState to = e.to();
        if (to == PromoterState.PENDING || (to == PromoterState.STARTING && !e.from().holdsTarget())) {
            promotableSinceMs.putIfAbsent(e.resource(), e.timeMs());
        } else if (e.from() == PromoterState.STARTING && to == PromoterState.ACTIVE) {
            Long since = promotableSinceMs.remove(e.resource());
            if (since != null) {
                promoter.failover(e.resource(), (e.timeMs() - since) / 1000.0);
            }
        } else if (to != PromoterState.STARTING) {
            promotableSinceMs.remove(e.resource());
        }
    }

    CommandListener wrap(CommandListener l) {
        if (promoter == null) {
            return l;
        }
        return (t, r, c) -> {
            l.executing(t, r, c);
            if (c instanceof Command.Start) {
                promoter.promotionAttempt(r);
            }
        };
    }

    @Override
    public void close() {
        servers.forEach(MetricsServer::close);
    }
}
