package io.reactord.agent.units;

import java.util.Map;

/**
 * One unit's state as systemd reports it. {@code freezerState} is empty when the manager does not
 * report one; {@code result} is the unit's last result (success, exit-code, …).
 */
public record UnitState(String unit, String loadState, String activeState, String subState, String freezerState,
        String unitFileState, String result) {

    static UnitState of(String unit, Map<String, String> p) {
        return new UnitState(unit, p.getOrDefault("LoadState", "unknown"), p.getOrDefault("ActiveState", "unknown"),
                p.getOrDefault("SubState", ""), p.getOrDefault("FreezerState", ""), p.getOrDefault("UnitFileState", ""),
                p.getOrDefault("Result", ""));
    }

    /** A unit whose state could not be read. */
    public static UnitState unknown(String unit) {
        return new UnitState(unit, "unknown", "unknown", "", "", "", "");
    }

    public boolean active() {
        return "active".equals(activeState) || "reloading".equals(activeState);
    }

    public boolean failed() {
        return "failed".equals(activeState);
    }

    /** Masked at runtime ({@code /run}) or persistently. */
    public boolean masked() {
        return "masked".equals(loadState) || unitFileState.startsWith("masked");
    }

    public boolean frozen() {
        return "frozen".equals(freezerState) || "freezing".equals(freezerState);
    }

    /** systemctl's symbol for the ActiveState: ● active, ○ inactive, × failed, ↻ reloading. */
    public String symbol() {
        switch (activeState) {
            case "active":
            case "activating":
            case "deactivating":
                return "●";
            case "failed":
                return "×";
            case "reloading":
                return "↻";
            case "inactive":
            case "maintenance":
                return "○";
            default:
                return "?";
        }
    }
}
