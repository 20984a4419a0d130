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
import java.util.ArrayList;
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

    /** The settings of the main resource and of every extra resource (whose node paths point nowhere here). */
    static Map<String, PromoterSettings> load(ClusterConfig cfg, String node) {
        List<String> snippets = new ArrayList<>();
        snippets.add(cfg.snippet());
        for (String s : cfg.extraResources().values()) {
            snippets.add(s.replace(ClusterConfig.NODE_DIR, "/nonexistent/reactord-it/" + node));
        }
        return CACHE.computeIfAbsent(node + "\n" + String.join("\n", snippets), k -> parse(snippets, node));
    }

    private static Map<String, PromoterSettings> parse(List<String> snippets, String node) {
        Path dir = null;
        List<Path> files = new ArrayList<>();
        try {
            dir = Files.createTempDirectory("reactord-it-config");
            for (int i = 0; i < snippets.size(); i++) {
                Path file = dir.resolve("promoter-" + i + ".toml");
                Files.writeString(file, snippets.get(i));
                files.add(file);
            }
            LoadResult r = ConfigLoader.withHost(node, true).loadFiles(files);
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
                    for (Path f : files) {
                        Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
