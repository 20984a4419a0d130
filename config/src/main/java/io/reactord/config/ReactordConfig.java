package io.reactord.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole validated configuration: main-file settings plus every plugin table from the main file
 * and its snippets. {@code resources} maps each promoter resource name to its settings, in the order
 * the files and tables were read. Defaults live in {@code MainBinder} beside the key names.
 */
public record ReactordConfig(
        Path mainFile,
        Path snippetsDir,
        Duration statisticsPollInterval,
        Duration snippetsMonitoringInterval,
        List<LogConfig> logs,
        String drbdsetup,
        Path unitDir,
        Path stateDir,
        Path socket,
        Map<String, PromoterResource> resources,
        List<UmhConfig> umh,
        List<PrometheusConfig> prometheus,
        List<DebuggerConfig> debugger,
        PeersConfig peers) {

    /** Without a {@code [peers]} table: the default peer command. */
    public ReactordConfig(Path mainFile, Path snippetsDir, Duration statisticsPollInterval,
            Duration snippetsMonitoringInterval, List<LogConfig> logs, String drbdsetup, Path unitDir, Path stateDir,
            Path socket, Map<String, PromoterResource> resources, List<UmhConfig> umh,
            List<PrometheusConfig> prometheus, List<DebuggerConfig> debugger) {
        this(mainFile, snippetsDir, statisticsPollInterval, snippetsMonitoringInterval, logs, drbdsetup, unitDir,
                stateDir, socket, resources, umh, prometheus, debugger, PeersConfig.DEFAULT);
    }

    public ReactordConfig {
        peers = peers == null ? PeersConfig.DEFAULT : peers;
        logs = List.copyOf(logs);
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        umh = List.copyOf(umh);
        prometheus = List.copyOf(prometheus);
        debugger = List.copyOf(debugger);
    }
}
