/**
 * The {@code drbdsetup events2} line grammar and the cluster state it describes. {@link
 * io.reactord.events2.Events2Parser} turns one line into one {@link io.reactord.events2.Event} (never
 * throwing: a line that is not an event becomes {@link io.reactord.events2.Event.Unparsed});
 * {@link io.reactord.events2.ClusterState} merges events into an immutable per-resource tree and emits
 * {@link io.reactord.events2.Change} records for the fields a promoter decides on. Pure code: no I/O,
 * no threads, no logging configuration.
 */
package io.reactord.events2;
