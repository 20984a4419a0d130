/**
 * reactorctl's two ways into the shared status model ({@code io.reactord.agent.control.status}):
 * {@link io.reactord.ctl.status.QuickStatus} asks a running daemon for its rendered report over the control socket
 * before picocli loads (its own small argument grammar and {@link io.reactord.ctl.status.FlatJson} reader keep
 * start-up short); {@link io.reactord.ctl.status.LocalStatus} fills the same model locally when the daemon does not
 * answer.
 */
package io.reactord.ctl.status;
