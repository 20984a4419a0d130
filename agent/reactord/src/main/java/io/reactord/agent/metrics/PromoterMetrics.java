package io.reactord.agent.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * reactord's own metrics: what the promoter of each resource is doing and has done. Every method is cheap,
 * thread-safe and non-blocking (atomic adds on the client's lock-free data points), so the event loop calls
 * them inline. {@code reactord_seconds_since_last_event} is computed at scrape time from the monotonic
 * clock; before the first event it counts from construction.
 *
 * <p>The family {@code reactord_promoter_state{resource,state}} is one-hot: for each resource exactly
 * one of the states given to the constructor is 1.
 *
 * <p>It is a collector: register the one instance with every endpoint's registry (one per
 * {@code [[prometheus]]} table).
 */
public final class PromoterMetrics implements MultiCollector {
    /** Bucket bounds of {@code reactord_failover_seconds}, in seconds. */
    static final double[] FAILOVER_BUCKETS = {0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final List<String> states;
    private final LongSupplier nanoClock;
    private final AtomicLong lastEventNanos;
    private final Gauge state;
    private final Counter transitions;
    private final Counter attempts;
    private final Counter wins;
    private final Counter startFailures;
    private final Histogram failover;
    private final Counter escalations;
    private final Counter events2Restarts;
    private final Gauge configGeneration;

    /**
     * {@code states} are the promoter state names as they should appear in the {@code state} label;
     * {@code nanoClock} is the monotonic clock ({@code System::nanoTime} in production) that
     * {@link #lastEvent} times are read on.
     */
    public PromoterMetrics(Collection<String> states, LongSupplier nanoClock) {
        this.states = List.copyOf(states);
        this.nanoClock = nanoClock;
        this.lastEventNanos = new AtomicLong(nanoClock.getAsLong());
        state = Gauge.builder().name("reactord_promoter_state")
                .help("Promoter state per resource, 1 for the current state and 0 for the others")
                .labelNames("resource", "state").register(registry);
        transitions = Counter.builder().name("reactord_transitions_total")
                .help("Promoter state transitions per resource").labelNames("resource", "from", "to")
                .withoutExemplars().register(registry);
        attempts = Counter.builder().name("reactord_promotion_attempts_total")
                .help("Starts of the services target this node attempted").labelNames("resource")
                .withoutExemplars().register(registry);
        wins = Counter.builder().name("reactord_promotion_wins_total")
                .help("Attempted starts that left the services target active on this node").labelNames("resource")
                .withoutExemplars().register(registry);
        startFailures = Counter.builder().name("reactord_start_failures_total")
                .help("Starts of the services target that failed (lost promotion races and host faults not counted)")
                .labelNames("resource").withoutExemplars().register(registry);
        failover = Histogram.builder().name("reactord_failover_seconds")
                .help("Time from a resource becoming promotable here to its services target being active")
                .labelNames("resource").classicOnly().classicUpperBounds(FAILOVER_BUCKETS).withoutExemplars()
                .register(registry);
        escalations = Counter.builder().name("reactord_escalations_total")
                .help("Demote failures escalated to the configured on-drbd-demote-failure action")
                .labelNames("resource").withoutExemplars().register(registry);
        events2Restarts = Counter.builder().name("reactord_events2_restarts_total")
                .help("Restarts of the drbdsetup events2 child process").withoutExemplars().register(registry);
        GaugeWithCallback.builder().name("reactord_seconds_since_last_event")
                .help("Seconds since the last drbdsetup events2 line was received")
                .callback(cb -> cb.call(secondsSinceLastEvent())).register(registry);
        configGeneration = Gauge.builder().name("reactord_config_generation")
                .help("Number of configurations loaded successfully (1 after start, +1 per accepted reload)")
                .register(registry);
        events2Restarts.inc(0);
    }

    @Override
    public MetricSnapshots collect() {
        return registry.scrape();
    }

    /** Sets the current state of a resource (at adoption, before any transition). */
    public void state(String resource, String current) {
        for (String s : states) {
            state.labelValues(resource, s).set(s.equals(current) ? 1 : 0);
        }
    }

    /** A promoter transition: counts it and moves the one-hot state. */
    public void transition(String resource, String from, String to) {
        transitions.labelValues(resource, from, to).inc();
        state(resource, to);
    }

    public void promotionAttempt(String resource) {
        attempts.labelValues(resource).inc();
    }

    public void promotionWin(String resource) {
        wins.labelValues(resource).inc();
    }

    public void startFailure(String resource) {
        startFailures.labelValues(resource).inc();
    }

    /** A completed failover (promotable here → target active) that took {@code seconds}. */
    public void failover(String resource, double seconds) {
        if (seconds >= 0 && !Double.isNaN(seconds)) {
            failover.labelValues(resource).observe(seconds);
        }
    }

    public void escalation(String resource) {
        escalations.labelValues(resource).inc();
    }

    public void events2Restart() {
        events2Restarts.inc();
    }

    /** An events2 line arrived at {@code nanoTime} (on the constructor's clock). */
    public void lastEvent(long nanoTime) {
        lastEventNanos.set(nanoTime);
    }

    /** The configuration generation now in force. */
    public void configGeneration(long generation) {
        configGeneration.set(generation);
    }

    /** Drops every series of a resource that left the configuration. */
    public void remove(String resource) {
        for (String s : states) {
            state.remove(resource, s);
        }
        attempts.remove(resource);
        wins.remove(resource);
        startFailures.remove(resource);
        failover.remove(resource);
        escalations.remove(resource);
        transitions.removeIf(labels -> labels.size() == 3 && resource.equals(labels.get(0)));
    }

    double secondsSinceLastEvent() {
        return Math.max(0, nanoClock.getAsLong() - lastEventNanos.get()) / 1e9;
    }
}
