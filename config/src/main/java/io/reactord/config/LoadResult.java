package io.reactord.config;

import java.util.List;

/**
 * The outcome of loading a configuration: the typed configuration ({@code null} when there are
 * errors) plus every error and warning found, in file and line order.
 */
public record LoadResult(ReactordConfig config, List<Diagnostic> errors, List<Diagnostic> warnings) {

    public LoadResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** True when the configuration can be used (warnings allowed). */
    public boolean ok() {
        return config != null && errors.isEmpty();
    }
}
