package io.reactord.systemd;

import java.util.Map;

/**
 * One unit's state as systemd reports it, whichever way it was read (D-Bus in the daemon, {@code systemctl}/
 * {@code busctl} in reactorctl; see {@link UnitStateSource}).
 *
 * @param unit            the unit name
 * @param loadState       loaded, not-found, masked, error, …
 * @param activeState     active, inactive, failed, activating, deactivating, reloading
 * @param subState        the type-specific state, e.g. running, exited, dead
 * @param freezerState    running, frozen, freezing, thawing; empty when the manager does not report one
 * @param unitFileState   enabled, static, masked-runtime, …; empty when not read
 * @param result          the unit's last result (success, exit-code, …); empty for types without one (targets)
 *                        or when not read
 * @param conditionResult systemd's ConditionResult: false when the last start was skipped by a condition (a lost
 *                        promotion race), but also for a unit never started, so the start job's result tells the
 *                        two apart; null when not read (only {@link SystemdClient#unitState} reads it)
 */
public record UnitState(String unit, String loadState, String activeState, String subState, String freezerState,
        String unitFileState, String result, Boolean conditionResult) {

    /** A state without the condition result. */
    public UnitState(String unit, String loadState, String activeState, String subState, String freezerState,
            String unitFileState, String result) {
        this(unit, loadState, activeState, subState, freezerState, unitFileState, result, null);
    }

    /** From {@code systemctl show}'s properties of one unit. */
    static UnitState of(String unit, Map<String, String> p) {
        return new UnitState(unit, p.getOrDefault("LoadState", "unknown"), p.getOrDefault("ActiveState", "unknown"),
                p.getOrDefault("SubState", ""), p.getOrDefault("FreezerState", ""), p.getOrDefault("UnitFileState", ""),
                p.getOrDefault("Result", ""));
    }

    /** A unit whose state could not be read. */
    public static UnitState unknown(String unit) {
        return new UnitState(unit, "unknown", "unknown", "", "", "", "");
    }

    /** Active or reloading. */
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
