/**
 * reactorctl's two ways into the shared status model ({@code io.reactord.agent.control.status}):
 * {@link io.reactord.ctl.status.QuickStatus} asks a running daemon for its rendered report over the control socket
 * before picocli loads (its own small argument grammar keeps start-up short; the request and answer are the typed
 * {@code report} records through the one control client); {@link io.reactord.ctl.status.LocalStatus} fills the same model locally when the daemon does not
 * answer.
 */
package io.reactord.ctl.status;
