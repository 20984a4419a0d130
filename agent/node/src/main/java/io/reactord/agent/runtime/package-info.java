/**
 * What both entry points (the daemon and reactorctl) share about the process itself: the build's
 * {@link io.reactord.agent.runtime.Version} and the logging set-up ({@link io.reactord.agent.runtime.Logging},
 * its one-line layout and logback's first configurator, registered in {@code META-INF/services}).
 */
package io.reactord.agent.runtime;
