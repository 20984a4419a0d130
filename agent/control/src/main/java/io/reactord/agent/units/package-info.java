/**
 * Unit states as a status report reads them: one {@link io.reactord.agent.units.UnitState} record, the
 * {@link io.reactord.agent.units.UnitSource} port, and the forked-process implementation
 * ({@link io.reactord.agent.units.Systemctl}: {@code systemctl show}, or one {@code busctl call ListUnitsByNames}
 * through {@link io.reactord.agent.units.ListedUnits}; also unit actions for reactorctl). The daemon's own
 * implementation is its D-Bus connection ({@code io.reactord.systemd.SystemdClient}). No D-Bus library here.
 */
package io.reactord.agent.units;
