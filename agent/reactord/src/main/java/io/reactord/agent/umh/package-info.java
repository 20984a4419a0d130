/**
 * Hooks on DRBD events: the user-mode-helper runner ({@code [[umh]]}), which matches drbd-reactor's rule
 * semantics (resource, device, peer-device and connection rules with {@code old.*}/{@code new.*}
 * Equals/NotEquals filters) and runs each matching command with a cleared environment carrying the event
 * only as {@code DRBD_*} variables, with a per-rule timeout, bounded concurrency and a report per run; and
 * the {@code [[debugger]]} sink, which logs every change at debug level. Matching is pure and runs on the
 * event loop; commands never do.
 */
package io.reactord.agent.umh;
