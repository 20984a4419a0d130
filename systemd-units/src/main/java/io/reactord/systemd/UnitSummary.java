package io.reactord.systemd;

/**
 * One unit's state as a status display needs it, read in bulk by {@link SystemdClient#unitSummaries}.
 *
 * @param unit         the unit name
 * @param loadState    loaded, not-found, masked, error, …
 * @param activeState  active, inactive, failed, activating, deactivating, reloading
 * @param subState     the type-specific state
 * @param freezerState running, frozen, freezing, thawing
 * @param result       the unit's last result (success, exit-code, …); empty for types without one (targets)
 */
public record UnitSummary(String unit, String loadState, String activeState, String subState, String freezerState,
        String result) {}
