/**
 * The Prometheus exporter ({@code [[prometheus]]}): {@link io.reactord.agent.metrics.DrbdMetrics} renders
 * drbd-reactor's metric families (names, labels, units and types unchanged, so existing dashboards and
 * alert rules keep working) from an immutable resource snapshot the event loop publishes;
 * {@link io.reactord.agent.metrics.PromoterMetrics} counts what the promoter does ({@code reactord_*});
 * {@link io.reactord.agent.metrics.MetricsServer} serves both over HTTP on threads of its own, so a scrape
 * never touches or waits for the event loop.
 */
package io.reactord.agent.metrics;
