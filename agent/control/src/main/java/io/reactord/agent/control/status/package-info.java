/**
 * The one status model of {@code reactorctl status}, shared by the daemon and reactorctl:
 * {@link io.reactord.agent.control.status.StatusCollector} fills one {@link io.reactord.agent.control.status.StatusModel}
 * from the configuration files ({@link io.reactord.agent.files.ConfigFiles}, other plugin tables read per file by
 * {@code PluginScan}), the unit states ({@link io.reactord.agent.units.UnitSource}), one DRBD snapshot
 * ({@link io.reactord.agent.control.status.DrbdSnapshot}) and the daemon's promoter state
 * ({@link io.reactord.agent.control.status.DaemonState}); {@link io.reactord.agent.control.status.StatusText} renders it in
 * drbd-reactorctl's shape plus the cluster view, {@link io.reactord.agent.control.status.StatusJsonWriter} as one JSON
 * object in drbd-reactorctl's schema with reactord's report under {@code reactord};
 * {@link io.reactord.agent.control.status.StatusRun} does both and gives the exit code. "active on" is decided here
 * once ({@link io.reactord.agent.control.status.ActiveOn}, also for the daemon's {@code active_on}).
 *
 * <p>The daemon fills the model to answer the control socket's {@code report} request (units over its D-Bus
 * connection, DRBD from its events2 state, its promoter state and journal directly, no request to itself); reactorctl fills it itself
 * ({@code systemctl show}, {@code drbdsetup events2 --now}, the control socket) when the daemon does not answer.
 * Nothing here imports {@code io.reactord.ctl}.
 */
package io.reactord.agent.control.status;
