package io.reactord.it.scenarios;

import io.reactord.it.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every FAULTS.md scenario (1–26) in number order; 27, the soak, is {@code io.reactord.it.soak.Soak}. */
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
        out.sort(Comparator.comparingInt(Scenario::number));
        return List.copyOf(out);
    }

    /** The scenario with FAULTS.md number {@code n}. */
    public static Scenario number(int n) {
        return all().stream().filter(s -> s.number() == n).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + n));
    }
}
