/**
 * What reactorctl's commands share beyond the agent packages they use ({@code io.reactord.agent.files},
 * {@code io.reactord.agent.control}, and {@code io.reactord.systemd}'s unit states and {@code Systemctl}): the {@code -c/--config} option,
 * {@link io.reactord.ctl.support.JournalAccess}, the journal through the daemon or, when it is down, from
 * its files, and {@link io.reactord.ctl.support.JournalOptions}, the options that say where both are.
 */
package io.reactord.ctl.support;
