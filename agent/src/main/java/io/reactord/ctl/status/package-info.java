/**
 * {@code reactorctl status}: {@link io.reactord.ctl.status.StatusCollector} gathers one
 * {@link io.reactord.ctl.status.StatusReport} from the configuration (the other plugin tables read per file by
 * {@code PluginScan}), one {@code systemctl show} of every unit involved, one {@code drbdsetup events2 --now} and,
 * when it answers, the daemon; {@link io.reactord.ctl.status.StatusText} prints it in drbd-reactorctl's shape plus
 * the cluster view, {@link io.reactord.ctl.status.StatusJsonWriter} as one JSON object in drbd-reactorctl's schema
 * with reactord's report under {@code reactord}.
 */
package io.reactord.ctl.status;
