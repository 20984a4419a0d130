package io.reactord.systemd;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the drop-in generator needs to know about one promoter resource; the agent maps its
 * configuration to this record, so this module does not depend on the config module.
 *
 * @param resource       the DRBD resource name (escaped into instance names here)
 * @param startUnits     the units to start in order, e.g. {@code var-lib-linstor.mount}
 * @param dependenciesAs how each start unit depends on the one before it (Requires, Wants, BindsTo, Requisite)
 * @param targetAs       how the target depends on each start unit (same choices)
 * @param failureAction  systemd {@code FailureAction=} of the escalation unit after a failed demote
 *                       (none, reboot, reboot-force, reboot-immediate, poweroff, poweroff-force,
 *                       poweroff-immediate, exit, exit-force)
 * @param secondaryForce whether stopping falls back to {@code drbdsetup secondary --force}
 * @param ocfAgents      the OCF agents among the start units, keyed by their unit name
 *                       ({@link OcfAgent#unitName}), which appears in {@code startUnits} at the agent's place
 */
public record UnitPlan(String resource, List<String> startUnits, String dependenciesAs, String targetAs,
        String failureAction, boolean secondaryForce, Map<String, OcfAgent> ocfAgents) {

    /** Dependency kinds accepted for {@code dependencies-as} and {@code target-as}. */
    public static final Set<String> DEPENDENCY_KINDS = Set.of("Wants", "Requires", "Requisite", "BindsTo");

    /** {@code FailureAction=} values accepted for {@code on-drbd-demote-failure}. */
    public static final Set<String> FAILURE_ACTIONS = Set.of("none", "reboot", "reboot-force",
            "reboot-immediate", "poweroff", "poweroff-force", "poweroff-immediate", "exit", "exit-force");

    /** A plan without OCF agents. */
    public UnitPlan(String resource, List<String> startUnits, String dependenciesAs, String targetAs,
            String failureAction, boolean secondaryForce) {
        this(resource, startUnits, dependenciesAs, targetAs, failureAction, secondaryForce, Map.of());
    }

    /** Validates every field; start entries are unit names, OCF agents given by their {@code ocf.rs@} unit. */
    public UnitPlan {
        Objects.requireNonNull(resource, "resource");
        SystemdNames.demoteOrEscalateService(resource); // the longest of the three names
        if (resource.indexOf('/') >= 0) {
            // DRBD refuses it, and systemd's escaping maps it to '-', so it could not reach drbdsetup verbatim
            throw new IllegalArgumentException("resource " + SystemdNames.printable(resource)
                    + ": a DRBD resource name cannot contain '/'");
        }
        startUnits = List.copyOf(Objects.requireNonNull(startUnits, "startUnits"));
        for (String unit : startUnits) {
            if (unit.startsWith("ocf:")) {
                throw new IllegalArgumentException("resource " + SystemdNames.printable(resource) + ": start entry '"
                        + unit + "': an OCF agent must be given as its ocf.rs@ unit with an OcfAgent");
            }
            try {
                SystemdNames.requireValidUnitName(unit);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("resource " + SystemdNames.printable(resource)
                        + ": start entry: " + e.getMessage(), e);
            }
        }
        ocfAgents = Map.copyOf(Objects.requireNonNull(ocfAgents, "ocfAgents"));
        for (Map.Entry<String, OcfAgent> e : ocfAgents.entrySet()) {
            if (!e.getKey().equals(e.getValue().unitName(resource)) || !startUnits.contains(e.getKey())) {
                throw new IllegalArgumentException("resource " + SystemdNames.printable(resource) + ": OCF agent unit "
                        + e.getKey() + " is not in the start list under its name " + e.getValue().unitName(resource));
            }
        }
        for (String unit : startUnits) {
            if (unit.startsWith("ocf.rs@") && !ocfAgents.containsKey(unit)) {
                throw new IllegalArgumentException("resource " + SystemdNames.printable(resource) + ": start entry "
                        + unit + " names an OCF agent instance without its agent");
            }
        }
        if (Set.copyOf(startUnits).size() != startUnits.size()) {
            throw new IllegalArgumentException("resource " + SystemdNames.printable(resource)
                    + ": a unit is listed twice in start");
        }
        dependenciesAs = dependencyKind("dependencies-as", dependenciesAs);
        targetAs = dependencyKind("target-as", targetAs);
        Objects.requireNonNull(failureAction, "failureAction");
        if (!FAILURE_ACTIONS.contains(failureAction)) {
            throw new IllegalArgumentException("on-drbd-demote-failure: unknown action '" + failureAction
                    + "', expected one of " + String.join(", ", new java.util.TreeSet<>(FAILURE_ACTIONS)));
        }
    }

    /** The plan drbd-reactor's defaults give: Requires, Requires, no action, secondary --force. */
    public static UnitPlan withDefaults(String resource, List<String> startUnits) {
        return new UnitPlan(resource, startUnits, "Requires", "Requires", "none", true);
    }

    private static String dependencyKind(String key, String value) {
        Objects.requireNonNull(value, key);
        for (String kind : DEPENDENCY_KINDS) {
            if (kind.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException(key + ": unknown dependency '" + value
                + "', expected one of Wants, Requires, Requisite, BindsTo");
    }
}
