package io.reactord.systemd;

/**
 * A snapshot of one unit's properties.
 *
 * @param unit            the unit name
 * @param loadState       loaded, not-found, masked, error, …
 * @param activeState     active, inactive, failed, activating, deactivating, reloading
 * @param subState        the type-specific state, e.g. running, exited, dead
 * @param freezerState    running, frozen, freezing, thawing; null when the manager does not report it
 * @param conditionResult systemd's ConditionResult: false when the last start was skipped by a condition
 *                        (a lost promotion race), but also for a unit never started; the start job's
 *                        result tells the two apart
 * @param unitFileState   enabled, static, masked-runtime, …; empty when not reported
 */
public record UnitStatus(String unit, String loadState, String activeState, String subState,
        String freezerState, boolean conditionResult, String unitFileState) {

    public boolean isActive() {
        return "active".equals(activeState);
    }

    public boolean isFailed() {
        return "failed".equals(activeState);
    }
}
