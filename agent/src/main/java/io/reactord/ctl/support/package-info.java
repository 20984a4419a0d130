/**
 * What reactorctl's commands share: the {@code -c/--config} option and a configuration read that
 * tolerates broken snippets, {@link io.reactord.ctl.support.Systemctl} (unit states and unit actions
 * through one forked {@code systemctl}, far cheaper than a D-Bus session for a short-lived CLI), the
 * {@link io.reactord.ctl.support.DaemonClient} of the control socket, a one-shot events2 snapshot, a
 * small JSON writer and terminal colour.
 */
package io.reactord.ctl.support;
