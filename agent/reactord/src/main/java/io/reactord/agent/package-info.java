/**
 * {@code reactord}, the per-node daemon: {@link io.reactord.agent.ReactordMain} reads the options and the
 * configuration and hands over to {@link io.reactord.agent.daemon.Daemon}.
 * <p>The {@code agent/reactord} module (this package, {@code daemon}, {@code journal}'s writer, {@code metrics},
 * {@code umh}) builds on {@code agent/node} and {@code agent/control} and never on reactorctl ({@code io.reactord.ctl}
 * is not on its class path).
 */
package io.reactord.agent;
