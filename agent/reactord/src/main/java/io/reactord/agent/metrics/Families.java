package io.reactord.agent.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects data points per metric family during one scrape and turns them into client snapshots. A
 * family appears only once it has a data point, as in drbd-reactor. Counter names are given as exposed
 * (with {@code _total}); {@link Type#UNTYPED} is for the two families drbd-reactor declares as counters
 * without the {@code _total} suffix, which the official client cannot expose under their names as
 * counters.
 */
final class Families {
    enum Type { GAUGE, COUNTER, UNTYPED }

    private record Point(Labels labels, double value) {}

    private static final class Family {
        final Type type;
        final String help;
        final List<Point> points = new ArrayList<>();

        Family(Type type, String help) {
            this.type = type;
            this.help = help;
        }
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    void gauge(String name, String help, double value, String... labels) {
        add(Type.GAUGE, name, help, value, labels);
    }

    void counter(String name, String help, double value, String... labels) {
        add(Type.COUNTER, name, help, value, labels);
    }

    void untyped(String name, String help, double value, String... labels) {
        add(Type.UNTYPED, name, help, value, labels);
    }

    private void add(Type type, String name, String help, double value, String... labels) {
        Family f = families.computeIfAbsent(name, n -> new Family(type, help));
        f.points.add(new Point(Labels.of(labels), value));
    }

    MetricSnapshots build() {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        families.forEach((name, f) -> {
            switch (f.type) {
                case GAUGE -> {
                    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(f.help);
                    f.points.forEach(p -> b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                            .labels(p.labels()).value(p.value()).build()));
                    out.metricSnapshot(b.build());
                }
                case COUNTER -> {
                    CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(f.help);
                    f.points.forEach(p -> b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                            .labels(p.labels()).value(p.value()).build()));
                    out.metricSnapshot(b.build());
                }
                case UNTYPED -> {
                    UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(f.help);
                    f.points.forEach(p -> b.dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder()
                            .labels(p.labels()).value(p.value()).build()));
                    out.metricSnapshot(b.build());
                }
                default -> throw new IllegalStateException(f.type.toString());
            }
        });
        return out.build();
    }
}
