/**
 * The control socket: a UNIX domain stream socket (default {@code /run/reactord/reactord.sock}, mode
 * 0600) speaking newline-delimited JSON, one request object per line and one response object per line
 * ({@code {"ok":true,…}} or {@code {"ok":false,"error":"…"}}). {@link
 * io.reactord.agent.control.ControlServer} serves it; {@link io.reactord.agent.control.ControlClient} is
 * what {@code reactorctl} uses. The protocol is documented in {@code docs/control-socket.md}.
 */
package io.reactord.agent.control;
