package io.reactord.agent.replay;

/**
 * One unit command issued during a replay.
 *
 * @param timeMs virtual time relative to the first line
 * @param resource resource name
 * @param action start, stop, freeze or thaw
 * @param unit the unit
 * @param reason why
 */
public record ReplayedCommand(long timeMs, String resource, String action, String unit, String reason) {}
