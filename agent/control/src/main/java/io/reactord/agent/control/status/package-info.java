/**
 * The one status model of {@code reactorctl status} ({@link io.reactord.agent.control.status.StatusModel}) and its
 * renderers: {@link io.reactord.agent.control.status.StatusText} in drbd-reactorctl's shape plus the cluster view,
 * {@link io.reactord.agent.control.status.StatusJsonWriter} as one JSON object in drbd-reactorctl's schema with
 * reactord's report under {@code reactord}; {@link io.reactord.agent.control.status.Terminal} for colour. How the
 * model is filled is not known here: the one collector is {@code io.reactord.agent.status} in agent/node, used by
 * the daemon and by reactorctl with their own sources.
 */
package io.reactord.agent.control.status;
