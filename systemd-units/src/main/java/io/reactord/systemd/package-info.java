/**
 * reactord's systemd side: the template units and the shim they call ({@link io.reactord.systemd.UnitTemplates},
 * {@link io.reactord.systemd.InstallUnits}), the per-resource drop-in generator
 * ({@link io.reactord.systemd.UnitPlan}, {@link io.reactord.systemd.DropInWriter}), systemd name escaping
 * ({@link io.reactord.systemd.SystemdNames}), and {@link io.reactord.systemd.SystemdClient}, the only
 * code that talks D-Bus; it executes requests and reports results, and decides nothing.
 */
package io.reactord.systemd;
