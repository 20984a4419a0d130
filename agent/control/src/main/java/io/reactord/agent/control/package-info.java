/**
 * The control socket: a UNIX domain stream socket (default {@code /run/reactord/reactord.sock}, mode
 * 0600) speaking newline-delimited JSON, one request object per line and one response object per line
 * ({@code {"ok":true,…}} or {@code {"ok":false,"error":"…"}}). {@link
 * io.reactord.agent.control.ControlServer} serves it; {@link io.reactord.agent.control.ControlClient} and
 * {@link io.reactord.agent.control.DaemonClient} (with {@link io.reactord.agent.control.SocketLines}, the quick
 * status path's raw reader) are what {@code reactorctl} uses, both behind
 * {@link io.reactord.agent.control.ControlChannel}. The status model itself is in
 * {@link io.reactord.agent.control.status}. The protocol is documented in {@code docs/control-socket.md}.
 * <p>The {@code agent/control} module: this protocol, the status model and its renderers, the journal's record
 * format ({@code control.journal}), and what the daemon and reactorctl both read to fill them ({@code units},
 * {@code files}, {@code json}). It builds on {@code agent/promoter} only, never on the node's loop, the daemon or
 * reactorctl.
 */
package io.reactord.agent.control;
