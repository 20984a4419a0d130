/**
 * reactord's systemd side: the template units and the shim they call ({@link io.reactord.systemd.UnitTemplates},
 * {@link io.reactord.systemd.InstallUnits}), the per-resource drop-in generator
 * ({@link io.reactord.systemd.UnitPlan}, {@link io.reactord.systemd.DropInWriter}), systemd name escaping
 * ({@link io.reactord.systemd.SystemdNames}), {@link io.reactord.systemd.SystemdClient}, the only
 * code that talks D-Bus (it executes requests and reports results, and decides nothing), and unit states: the one
 * {@link io.reactord.systemd.UnitState} record and the {@link io.reactord.systemd.UnitStateSource} port with its two
 * readers side by side, {@link io.reactord.systemd.DbusUnitStates} over the client (the daemon) and
 * {@link io.reactord.systemd.Systemctl}, forked {@code systemctl show} or {@code busctl} (reactorctl, which also runs
 * its unit actions through it). {@link io.reactord.systemd.UnitStateChange} is a change notification of the client,
 * not a state read.
 */
package io.reactord.systemd;
