package io.reactord.ctl.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The units the last status run of the same command line asked systemd about, in a small file (its path in the
 * system property {@value #PROPERTY}, which the launcher sets beside its class-data archive), so that the next
 * run can start {@code systemctl show} while it still parses the configuration. Only a guess: the run compares
 * it with the units the configuration names and asks again when they differ. A missing, unreadable, foreign or
 * unwritable file costs that head start and nothing else.
 */
final class UnitGuess {
    static final String PROPERTY = "reactorctl.unit-guess";

    private final Path file;
    private final String key;

    UnitGuess(Path file, String key) {
        this.file = file;
        this.key = key.replace('\n', ' ');
    }

    /** The guess file named by the property, for this command line; null when there is none. */
    static UnitGuess fromProperty(String key) {
        String f = System.getProperty(PROPERTY);
        return f == null || f.isBlank() ? null : new UnitGuess(Path.of(f), key);
    }

    /** The units of the last run with the same key, or null. */
    List<String> read() {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                end = end < 0 ? text.length() : end;
                lines.add(text.substring(start, end));
                start = end + 1;
            }
            return lines.size() > 1 && lines.get(0).equals(key) ? lines.subList(1, lines.size()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Remembers the units for the next run (atomically; silently not when the directory is not writable). */
    void write(List<String> units) {
        StringBuilder b = new StringBuilder(key).append('\n');
        for (String u : units) {
            if (u.indexOf('\n') >= 0) {
                return;
            }
            b.append(u).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
        try {
            Files.write(tmp, b.toString().getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException | RuntimeException ignored) {
                // nothing was written
            }
        }
    }
}
