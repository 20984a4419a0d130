package io.reactord.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One user-mode-helper rule ({@code [[umh.resource]]}, {@code [[umh.device]]}, {@code [[umh.peerdevice]]}
 * or {@code [[umh.connection]]}): when every filter matches a DRBD change, {@code command} runs via
 * {@code sh -c} with {@code env} added. {@code filters} holds the event-level filters
 * ({@code event-type}, {@code resource-name}, {@code volume}, {@code peer-node-id}); {@code old} and
 * {@code neu} the state filters of the TOML tables {@code old} and {@code new}, keyed by kebab-case
 * field name. {@code timeout} (ours) kills the command after that long; empty means no limit.
 */
public record UmhRule(
        Kind kind,
        String name,
        String command,
        Map<String, String> env,
        Optional<Duration> timeout,
        Map<String, Filter> filters,
        Map<String, Filter> old,
        Map<String, Filter> neu,
        Path source,
        int line) {

    /** The object a rule matches on; {@link #tomlKey()} is its table name below {@code umh}. */
    public enum Kind {
        RESOURCE("resource"),
        DEVICE("device"),
        PEERDEVICE("peerdevice"),
        CONNECTION("connection");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String tomlKey() {
            return key;
        }
    }

    public UmhRule {
        env = Map.copyOf(env);
        filters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters));
        old = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(old));
        neu = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(neu));
    }
}
