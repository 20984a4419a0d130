/**
 * Read-only renderings of the agent's knowledge for people and tools: cluster state as JSON in the
 * shape of {@code drbdsetup status --json}. No decisions, no I/O.
 */
package io.reactord.agent.view;
