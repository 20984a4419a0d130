/**
 * The one status collector of {@code reactorctl status}, shared by the daemon and reactorctl:
 * {@link io.reactord.agent.status.StatusCollector} fills one {@link io.reactord.agent.control.status.StatusModel}
 * from the configuration files ({@link io.reactord.agent.files.ConfigFiles}, other plugin tables read per file by
 * {@code PluginScan}, Prometheus exporters probed by {@code PrometheusProbe}), the unit states
 * ({@link io.reactord.systemd.UnitStateSource}), one DRBD snapshot ({@link io.reactord.agent.status.DrbdSnapshot})
 * and the daemon's promoter state ({@link io.reactord.agent.status.DaemonState}); {@link io.reactord.agent.status.StatusRun}
 * renders it with control's renderers and gives the exit code. "active on" is decided here once
 * ({@link io.reactord.agent.status.ActiveOn}, also for the daemon's {@code active_on}).
 *
 * <p>Only the sources differ: the daemon fills the model to answer the control socket's {@code report} request
 * (units over its D-Bus connection, DRBD from its events2 state, its promoter state and journal directly, no request
 * to itself); reactorctl fills it itself ({@code systemctl show}, {@code drbdsetup events2 --now}, the control socket)
 * when the daemon does not answer. One collector in the lowest module both depend on, rather than one in each, so
 * that both paths cannot drift apart. Nothing here imports {@code io.reactord.ctl} or the daemon.
 */
package io.reactord.agent.status;
