package io.reactord.it.inprocess;

import io.reactord.agent.core.SettingsMapper;
import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.config.ConfigLoader;
import io.reactord.config.LoadResult;
import io.reactord.config.PromoterResource;
import io.reactord.it.ClusterConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The promoter settings a node's agent derives from the cluster's snippet, through the real configuration loader
 * (so both backends read the same TOML the same way).
 */
final class Settings {
    private static final Map<String, Map<String, PromoterSettings>> CACHE = new ConcurrentHashMap<>();

    private Settings() {
    }

    static Map<String, PromoterSettings> load(ClusterConfig cfg, String node) {
        String snippet = cfg.snippet();
        return CACHE.computeIfAbsent(node + "\n" + snippet, k -> parse(snippet, node));
    }

    private static Map<String, PromoterSettings> parse(String snippet, String node) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("reactord-it-config");
            Path file = dir.resolve("promoter.toml");
            Files.writeString(file, snippet);
            LoadResult r = ConfigLoader.withHost(node, true).loadFiles(List.of(file));
            if (!r.ok()) {
                throw new IllegalArgumentException("scenario configuration rejected: " + r.errors());
            }
            Map<String, PromoterSettings> out = new LinkedHashMap<>();
            for (PromoterResource pr : r.config().resources().values()) {
                out.put(pr.name(), SettingsMapper.toSettings(pr, node, false));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir.resolve("promoter.toml"));
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
