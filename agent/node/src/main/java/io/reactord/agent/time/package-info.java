/**
 * Injected time: a monotonic {@link io.reactord.agent.time.Clock} and a
 * {@link io.reactord.agent.time.Scheduler} for delayed tasks. Production uses {@link
 * io.reactord.agent.time.RealScheduler} on the monotonic clock; unit tests and {@code reactorctl replay}
 * use {@link io.reactord.agent.time.VirtualScheduler}, whose time only moves when told to. Decision code
 * never sleeps and never reads the wall clock.
 */
package io.reactord.agent.time;
