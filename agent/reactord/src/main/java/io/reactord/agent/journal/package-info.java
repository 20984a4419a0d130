/**
 * The daemon's files under the state directory: the decision journal's writer (every promoter transition and
 * decision — input, guard, reason, commands — as one JSON line in a bounded ring, {@code journal.jsonl} plus
 * one rotated {@code journal.jsonl.1}, written off the event loop) and the state files' permissions. The
 * record format and the reader are {@code io.reactord.agent.control.journal}, shared with reactorctl's
 * {@code why} and {@code events}, which read the files directly when the daemon is down.
 */
package io.reactord.agent.journal;
