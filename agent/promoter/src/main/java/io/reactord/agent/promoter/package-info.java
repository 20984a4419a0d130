/**
 * The promoter: one pure state machine per managed DRBD resource ({@link
 * io.reactord.agent.promoter.Promoter}) that turns a {@link io.reactord.agent.promoter.ResourceView}
 * snapshot and other {@link io.reactord.agent.promoter.Input}s into {@link
 * io.reactord.agent.promoter.Command}s (start/stop/freeze/thaw a systemd target, timers, journal
 * entries). It has its own input records and settings; of the rest of the project it uses only events2's
 * {@code Role} and {@code DiskState} enums and config's policy enums ({@code Runner}, {@code PreferredNodesPolicy},
 * {@code QuorumLossPolicy}, {@code DiskDetachPolicy}), never the parser, the configuration's loading or systemd
 * (node's core maps the configuration onto its settings). It performs no I/O and reads no clock: the caller passes the time with every input.
 * <p>This package is the whole of the {@code agent/promoter} module, whose pom declares only
 * {@code events2-parser} and {@code config} (node's core logs its decisions); its
 * tests drive it on node's virtual clock and so live in {@code agent/node}.
 */
package io.reactord.agent.promoter;
