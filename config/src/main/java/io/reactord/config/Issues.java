package io.reactord.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects the errors and warnings of one load, and returns them in file order, then line order. */
final class Issues {
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final Map<Path, Integer> fileOrder = new HashMap<>();

    void error(Path file, int line, String message) {
        note(file);
        errors.add(new Diagnostic(file, Math.max(0, line), message));
    }

    void warn(Path file, int line, String message) {
        note(file);
        warnings.add(new Diagnostic(file, Math.max(0, line), message));
    }

    /** Remembers the order files were read in, for sorting. */
    void note(Path file) {
        fileOrder.putIfAbsent(file, fileOrder.size());
    }

    int errorCount() {
        return errors.size();
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<Diagnostic> errors() {
        return sorted(errors);
    }

    List<Diagnostic> warnings() {
        return sorted(warnings);
    }

    private List<Diagnostic> sorted(List<Diagnostic> list) {
        List<Diagnostic> out = new ArrayList<>(list);
        out.sort(Comparator.<Diagnostic>comparingInt(d -> fileOrder.getOrDefault(d.file(), Integer.MAX_VALUE))
                .thenComparingInt(Diagnostic::line));
        return out;
    }
}
