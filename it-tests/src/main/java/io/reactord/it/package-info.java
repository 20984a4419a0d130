/**
 * The fault-injection harness: a {@link io.reactord.it.Backend} runs a simulated DRBD cluster with one
 * agent and one service manager per node (in-process on virtual time, or real agent processes with real
 * systemd managers), {@link io.reactord.it.ScenarioContext} drives the FAULTS.md scenarios against it
 * while {@link io.reactord.it.Invariants} checks I1–I6 on every sample, and {@link io.reactord.it.Timeline}
 * records what happened so that a failing run can be read back.
 */
package io.reactord.it;
