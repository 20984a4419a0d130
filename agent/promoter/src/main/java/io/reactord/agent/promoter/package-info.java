/**
 * The promoter: one pure state machine per managed DRBD resource ({@link
 * io.reactord.agent.promoter.Promoter}) that turns a {@link io.reactord.agent.promoter.ResourceView}
 * snapshot and other {@link io.reactord.agent.promoter.Input}s into {@link
 * io.reactord.agent.promoter.Command}s (start/stop/freeze/thaw a systemd target, timers, journal
 * entries). It has its own input records and settings, so it depends on neither the events2 parser, the
 * configuration nor systemd; adapters in the agent map those onto it. It performs no I/O and reads no
 * clock: the caller passes the time with every input.
 */
package io.reactord.agent.promoter;
