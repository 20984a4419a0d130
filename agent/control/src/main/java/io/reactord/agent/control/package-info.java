/**
 * The control socket: a UNIX domain stream socket (default {@code /run/reactord/reactord.sock}, mode
 * 0600) speaking newline-delimited JSON, one request object per line and one response object per line
 * ({@code {"ok":true,…}} or {@code {"ok":false,"error":"…"}}). {@link
 * io.reactord.agent.control.ControlServer} serves it; {@link io.reactord.agent.control.ControlClient} is the one
 * client (reactorctl's commands, its quick status path and the tests), behind
 * {@link io.reactord.agent.control.ControlChannel}; both encode and decode through the one codec,
 * {@code io.reactord.agent.json.Json} (jackson-core). Every request is typed: the sealed
 * {@link io.reactord.agent.control.ControlRequest} (its records, and {@link io.reactord.agent.control.ReportRequest}
 * with its answer {@link io.reactord.agent.control.ReportAnswer}); {@code ControlRequest.parse} checks every member,
 * so the daemon's handlers only see valid requests. Raw request objects remain for tests and probes that must
 * send what no record allows. The status model itself is in
 * {@link io.reactord.agent.control.status}. The protocol is documented in {@code docs/control-socket.md}.
 * <p>The {@code agent/control} module: this protocol, the status model and its renderers, the journal's record
 * format ({@code control.journal}), and what the daemon and reactorctl both read to fill them ({@code files},
 * {@code json}; unit states through systemd-units' {@code UnitStateSource}). It builds on {@code agent/promoter}
 * only, never on the node's loop, the daemon or reactorctl.
 */
package io.reactord.agent.control;
