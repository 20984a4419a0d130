/**
 * The in-process backend: every node's real {@link io.reactord.agent.core.AgentCore} runs in this JVM on one
 * virtual clock shared with the simulator, against {@link io.reactord.it.inprocess.MemorySystemd}, a small
 * service manager that runs the target the way the real templates do (promote as the start condition, then the
 * start units; stop the units, then demote, forcing and escalating like the shim). Deterministic for a seed and
 * fast enough for thousand-step soaks under realistic DRBD timing.
 */
package io.reactord.it.inprocess;
