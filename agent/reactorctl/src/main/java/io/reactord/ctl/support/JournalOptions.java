package io.reactord.ctl.support;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of {@code why} and {@code events} that say where the daemon and its journal are (a picocli mixin). */
public final class JournalOptions {
    @Option(names = {"-c", "--config"}, description = "main configuration file (default: ${DEFAULT-VALUE})")
    Path config = Path.of("/etc/reactord.toml");

    @Option(names = "--socket", description = "control socket (default: from the configuration)")
    Path socket;

    @Option(names = "--state-dir", description = "state directory holding the journal (default: from the configuration)")
    Path stateDir;

    public Path config() {
        return config;
    }

    /** The journal through {@code --socket} and {@code --state-dir}, else what the configuration names. */
    public JournalAccess access() {
        return JournalAccess.of(config, socket, stateDir);
    }
}
