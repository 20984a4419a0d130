package io.reactord.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The outcome of loading a configuration: every error and warning found, in file and line order,
 * and the typed configuration. {@code config} is the whole configuration, null when there is any
 * error; {@code usable} is the configuration of every file that loaded cleanly (null only when the
 * main file itself is broken), and {@code rejected} lists the files left out of it.
 */
public record LoadResult(ReactordConfig config, List<Diagnostic> errors, List<Diagnostic> warnings,
        ReactordConfig usable, Set<Path> rejected) {

    public LoadResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        rejected = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(rejected));
        if (usable == null) usable = config;
    }

    /** A result without per-file detail: usable only when there is no error. */
    public LoadResult(ReactordConfig config, List<Diagnostic> errors, List<Diagnostic> warnings) {
        this(config, errors, warnings, config, Set.of());
    }

    /** True when the configuration can be used as a whole (warnings allowed); what {@code check} reports. */
    public boolean ok() {
        return config != null && errors.isEmpty();
    }

    /** The errors of one file. */
    public List<Diagnostic> errorsOf(Path file) {
        return errors.stream().filter(d -> file.equals(d.file())).toList();
    }
}
