package io.reactord.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plugin tables gathered while loading. Each file is first bound into an assembly of its own;
 * {@link #merge} then adds it to the configuration as a whole or not at all, after the checks that
 * span files (a resource or a start unit claimed twice, two exporters on one address).
 */
final class Assembly {
    final Map<String, PromoterResource> resources = new LinkedHashMap<>();
    final List<UmhConfig> umh = new ArrayList<>();
    final List<PrometheusConfig> prometheus = new ArrayList<>();
    final List<DebuggerConfig> debugger = new ArrayList<>();
    final List<LogConfig> logs = new ArrayList<>();
    /** Where each prometheus address was configured, to catch two exporters on one address. */
    final Map<String, String> prometheusOrigins = new LinkedHashMap<>();
    /** Which resource each start unit belongs to. */
    final Map<String, PromoterResource> unitOwners = new LinkedHashMap<>();
    /** Files whose tables were left out because they have errors. */
    final Set<Path> rejected = new LinkedHashSet<>();
    final HostInfo host;

    Assembly(HostInfo host) {
        this.host = host;
    }

    static String origin(Path file, int line) {
        return file + ":" + line;
    }

    /** Adds everything of {@code file} (bound into {@code part}) when it conflicts with nothing here; returns false otherwise. */
    boolean merge(Path file, Assembly part, Issues issues) {
        int before = issues.errorCount();
        Map<String, PromoterResource> owners = new LinkedHashMap<>(unitOwners);
        for (PromoterResource r : part.resources.values()) {
            PromoterResource first = resources.get(r.name());
            if (first != null) {
                issues.error(r.source(), r.line(), "resource '" + r.name() + "' already has a promoter in "
                        + origin(first.source(), first.line()) + "; each resource may be configured in one promoter only"
                        + " (remove one of " + first.source() + " and " + r.source() + ")");
                continue;
            }
            for (String unit : r.startUnits()) {
                PromoterResource other = owners.putIfAbsent(unit, r);
                if (other != null && other != r) {
                    issues.error(r.source(), r.line(), "unit \"" + unit + "\" is in the start lists of resources '"
                            + other.name() + "' (" + origin(other.source(), other.line()) + ") and '" + r.name()
                            + "'; a unit can belong to one resource only, its drop-in binds it to one promotion");
                }
            }
        }
        for (String address : part.prometheusOrigins.keySet()) {
            String first = prometheusOrigins.get(address);
            if (first != null) {
                String here = part.prometheusOrigins.get(address);
                int colon = here.lastIndexOf(':');
                issues.error(file, Integer.parseInt(here.substring(colon + 1)),
                        "a prometheus exporter on \"" + address + "\" is already configured in " + first);
            }
        }
        if (issues.errorCount() > before) {
            rejected.add(file);
            return false;
        }
        resources.putAll(part.resources);
        unitOwners.clear();
        unitOwners.putAll(owners);
        umh.addAll(part.umh);
        prometheus.addAll(part.prometheus);
        prometheusOrigins.putAll(part.prometheusOrigins);
        debugger.addAll(part.debugger);
        logs.addAll(part.logs);
        return true;
    }
}
