package io.reactord.agent.files;

import io.reactord.config.PromoterResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Resolves snippet names given on the command line and moves snippets between enabled and disabled. */
public final class Snippets {
    public static final String ENABLED = ".toml";
    public static final String DISABLED = ".toml" + ConfigFiles.DISABLED_SUFFIX;

    private Snippets() {}

    /** What to act on, and the names that matched nothing. */
    public record Expansion(List<Path> files, List<String> unknown) {}

    /** Which files a name may denote. */
    public enum Want { ENABLED, DISABLED, EITHER }

    /**
     * Without names, every snippet of the wanted kind in the snippets directory ({@code EITHER}: enabled
     * then disabled). A name is an absolute path, a file name in the snippets directory with or without
     * its {@code .toml}/{@code .toml.disabled} suffix, or the name of a promoter resource (its file).
     */
    public static Expansion expand(ConfigFiles cfg, List<String> names, Want want) {
        List<Path> files = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            if (want != Want.DISABLED) {
                files.addAll(cfg.snippetFiles(false));
            }
            if (want != Want.ENABLED) {
                files.addAll(cfg.snippetFiles(true));
            }
            return new Expansion(files, unknown);
        }
        for (String n : names) {
            Path p = resolve(cfg, n, want);
            if (p == null) {
                unknown.add(n);
            } else if (!files.contains(p)) {
                files.add(p);
            }
        }
        return new Expansion(files, unknown);
    }

    static Path resolve(ConfigFiles cfg, String name, Want want) {
        if (name.isEmpty()) {
            return null;
        }
        List<Path> candidates = new ArrayList<>();
        Path given = Path.of(name);
        Path base = given.isAbsolute() || name.contains("/") ? given.toAbsolutePath() : cfg.snippetsDir().resolve(name);
        if (name.endsWith(DISABLED)) {
            if (want != Want.ENABLED) {
                candidates.add(base);
            }
        } else if (name.endsWith(ENABLED)) {
            if (want != Want.DISABLED) {
                candidates.add(base);
            }
            if (want != Want.ENABLED) {
                candidates.add(Path.of(base + ConfigFiles.DISABLED_SUFFIX));
            }
        } else {
            if (want != Want.DISABLED) {
                candidates.add(Path.of(base + ENABLED));
            }
            if (want != Want.ENABLED) {
                candidates.add(Path.of(base + DISABLED));
            }
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c.normalize();
            }
        }
        if (!name.contains("/") && !name.endsWith(ENABLED) && !name.endsWith(DISABLED)) {
            PromoterResource r = cfg.resources().get(name);
            if (r != null && r.source() != null && want != Want.DISABLED) {
                return r.source().toAbsolutePath().normalize();
            }
            if (want != Want.ENABLED) {
                for (Path d : cfg.snippetFiles(true)) {
                    for (PromoterResource p : cfg.resourcesOf(d)) {
                        if (p.name().equals(name)) {
                            return d;
                        }
                    }
                }
            }
        }
        return null;
    }

    public static boolean isDisabled(Path file) {
        return file.getFileName().toString().endsWith(DISABLED);
    }

    /** {@code NAME.toml} → {@code NAME.toml.disabled}. */
    public static Path disabledPath(Path enabled) {
        return enabled.resolveSibling(enabled.getFileName() + ConfigFiles.DISABLED_SUFFIX);
    }

    /** {@code NAME.toml.disabled} → {@code NAME.toml}. */
    public static Path enabledPath(Path disabled) {
        String n = disabled.getFileName().toString();
        if (!n.endsWith(DISABLED)) {
            throw new IllegalArgumentException(disabled + " does not end in " + DISABLED);
        }
        return disabled.resolveSibling(n.substring(0, n.length() - ConfigFiles.DISABLED_SUFFIX.length()));
    }
}
