/**
 * The decision journal: every promoter transition and decision (input, guard, reason, commands) as one
 * JSON line in a bounded on-disk ring under the state directory ({@code journal.jsonl} plus one rotated
 * {@code journal.jsonl.1}), written off the event loop, read by {@code reactorctl why} and {@code
 * reactorctl events} through the daemon or directly from the files when the daemon is down.
 */
package io.reactord.agent.journal;
