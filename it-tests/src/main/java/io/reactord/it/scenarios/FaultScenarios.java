package io.reactord.it.scenarios;

import io.reactord.it.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every FAULTS.md scenario (1–26, 28–35) in number order, some in several variants (a policy each); 27, the soak, is
 * {@code io.reactord.it.soak.Soak}.
 */
public final class FaultScenarios {
    private FaultScenarios() {
    }

    public static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        out.addAll(NodeScenarios.all());
        out.addAll(NetworkScenarios.all());
        out.addAll(ServiceScenarios.all());
        out.addAll(ControlScenarios.all());
        out.addAll(DrbdAdminScenarios.all());
        out.addAll(OperatorScenarios.all());
        out.addAll(PolicyScenarios.all());
        out.addAll(GatewayScenarios.all());
        out.sort(Comparator.comparingInt(Scenario::number));
        return List.copyOf(out);
    }

    /**
     * The scenarios the JUnit suites run: all, or those numbered in {@code -Dreactord.it.only=28,29} (a developer's
     * shortcut; CI runs all).
     */
    public static List<Scenario> selected() {
        String only = System.getProperty("reactord.it.only", "").strip();
        if (only.isEmpty()) {
            return all();
        }
        List<Scenario> out = new ArrayList<>();
        for (String n : only.split(",")) {
            out.addAll(numbered(Integer.parseInt(n.strip())));
        }
        return out;
    }

    /** The scenario with FAULTS.md number {@code n} (its first variant). */
    public static Scenario number(int n) {
        return numbered(n).get(0);
    }

    /** Every variant of the scenario with FAULTS.md number {@code n}. */
    public static List<Scenario> numbered(int n) {
        List<Scenario> out = all().stream().filter(s -> s.number() == n).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no scenario " + n);
        }
        return out;
    }
}
