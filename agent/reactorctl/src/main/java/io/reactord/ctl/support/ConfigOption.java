package io.reactord.ctl.support;

import io.reactord.agent.files.ConfigFiles;
import io.reactord.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -c/--config} option every reactorctl command takes (a picocli mixin). */
public final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "main configuration file (default: ${DEFAULT-VALUE})")
    Path file = ConfigLoader.DEFAULT_MAIN_FILE;

    public Path file() {
        return file;
    }

    /** Reads the configuration, tolerating broken snippets (see {@link ConfigFiles}). */
    public ConfigFiles load() {
        return ConfigFiles.load(file);
    }
}
