package io.reactord.systemd;

/** A unit's ActiveState/SubState changed (reported once per distinct state). */
public record UnitStateChange(String unit, String activeState, String subState) {}
