package io.reactord.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration to run after a reload in which some snippets were rejected: every file that
 * loaded cleanly as it is now, and for each rejected file what the running configuration took from
 * it (its promoter resources, umh and debugger tables), so one broken edit changes nothing until it
 * is fixed. A kept resource is dropped only when a clean file now claims its name or one of its units.
 */
public final class PartialReload {
    private PartialReload() {}

    /** {@code loaded.usable()} with the rejected files' parts of {@code running} kept; null when nothing is usable. */
    public static ReactordConfig merge(ReactordConfig running, LoadResult loaded) {
        ReactordConfig neu = loaded.usable();
        if (neu == null || running == null || loaded.rejected().isEmpty()) return neu;
        Set<Path> rejected = loaded.rejected();
        Map<String, PromoterResource> resources = new LinkedHashMap<>(neu.resources());
        Set<String> units = new HashSet<>();
        for (PromoterResource r : resources.values()) units.addAll(r.startUnits());
        for (PromoterResource old : running.resources().values()) {
            if (!rejected.contains(old.source()) || resources.containsKey(old.name())) continue;
            if (old.startUnits().stream().anyMatch(units::contains)) continue;
            resources.put(old.name(), old);
            units.addAll(old.startUnits());
        }
        List<UmhConfig> umh = new ArrayList<>(neu.umh());
        running.umh().stream().filter(u -> rejected.contains(u.source())).forEach(umh::add);
        List<DebuggerConfig> debugger = new ArrayList<>(neu.debugger());
        running.debugger().stream().filter(d -> rejected.contains(d.source())).forEach(debugger::add);
        return new ReactordConfig(neu.mainFile(), neu.snippetsDir(), neu.statisticsPollInterval(),
                neu.snippetsMonitoringInterval(), neu.logs(), neu.drbdsetup(), neu.unitDir(), neu.stateDir(), neu.socket(),
                resources, umh, neu.prometheus(), debugger, neu.peers());
    }
}
