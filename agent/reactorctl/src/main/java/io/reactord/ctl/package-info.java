/**
 * {@code reactorctl}, the command line ({@link io.reactord.ctl.CtlMain}, picocli, one class per subcommand):
 * a control client while the daemon runs, the same status model filled locally when it does not.
 * <p>The {@code agent/reactorctl} module: it compiles against {@code agent/control} and {@code agent/node} only
 * and has the daemon ({@code agent/reactord}) at run time, so it cannot import the daemon's internals; it builds
 * the one runnable jar, {@code agent/target/reactord.jar}, with both entry points.
 */
package io.reactord.ctl;
