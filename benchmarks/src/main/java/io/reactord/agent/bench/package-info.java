/**
 * Benchmark harnesses (plain {@code main()} programs that print figures; never run as tests): decision
 * latency from an events2 line to the unit command, and the idle footprint of the daemon with 100
 * resources. Results and the commands to rerun them are in {@code docs/benchmarks.md}.
 */
package io.reactord.agent.bench;
