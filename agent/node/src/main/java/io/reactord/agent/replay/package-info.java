/**
 * Replay: runs a captured {@code drbdsetup events2} stream through the real {@link
 * io.reactord.agent.core.AgentCore} and promoters on a {@link io.reactord.agent.time.VirtualScheduler},
 * with every unit command assumed to succeed, and reports each command with its virtual time. Used by
 * {@code reactorctl replay}, by tests and by the latency benchmark.
 */
package io.reactord.agent.replay;
