package io.reactord.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plugin tables gathered from the main file and the snippets while loading. */
final class Assembly {
    final Map<String, PromoterResource> resources = new LinkedHashMap<>();
    final List<UmhConfig> umh = new ArrayList<>();
    final List<PrometheusConfig> prometheus = new ArrayList<>();
    final List<DebuggerConfig> debugger = new ArrayList<>();
    /** Where each prometheus address was configured, to catch two exporters on one address. */
    final Map<String, String> prometheusOrigins = new LinkedHashMap<>();
    final HostInfo host;

    Assembly(HostInfo host) {
        this.host = host;
    }

    static String origin(Path file, int line) {
        return file + ":" + line;
    }
}
