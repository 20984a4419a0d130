package io.reactord.systemd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the drop-ins of a set of {@link UnitPlan}s into a unit directory (in production
 * {@code /run/systemd/system}) as {@code <unit>.d/reactor.conf}, each atomically, and removes the
 * {@code reactor.conf} files it wrote earlier for units no plan mentions any more. It never writes or
 * deletes outside {@code unitDir}, and deletes only files that start with {@link DropIns#HEADER}.
 * The caller reloads systemd afterwards when {@link Result#changed()}.
 */
public final class DropInWriter {

    /** The file name of every drop-in this writer owns. */
    public static final String FILE_NAME = "reactor.conf";

    private final Path shim;

    /** A writer whose drop-ins call the shim at {@code shim} (absolute). */
    public DropInWriter(Path shim) {
        this.shim = UnitTemplates.requireAbsoluteShim(shim);
    }

    /** A writer for the packaged shim location. */
    public DropInWriter() {
        this(UnitTemplates.DEFAULT_SHIM);
    }

    /** What one {@link #write} did. */
    public record Result(List<Path> written, List<Path> unchanged, List<Path> removed) {
        /** True when systemd must reload to see the change. */
        public boolean changed() {
            return !written.isEmpty() || !removed.isEmpty();
        }
    }

    /**
     * Makes {@code unitDir} hold exactly the drop-ins of {@code plans}. Everything is validated before
     * the first file is touched.
     *
     * @throws IllegalArgumentException for a plan that cannot be written (named in the message)
     * @throws UncheckedIOException     when the file system refuses
     */
    public Result write(Path unitDir, Collection<UnitPlan> plans) {
        return write(unitDir, plans, Set.of(), null);
    }

    /**
     * As {@link #write(Path, Collection)}, but the drop-ins of the units in {@code keep} stay on disk even when
     * no plan mentions them (the caller keeps those of a target that is still running, so that stopping it
     * still stops its units before the demotion), and {@code reactord-reload.path} is pointed at the configured
     * snippets directory ({@link DropIns#reloadWatch}) when {@code snippetsDir} is not null.
     */
    public Result write(Path unitDir, Collection<UnitPlan> plans, Set<String> keep) {
        return write(unitDir, plans, keep, null);
    }

    /** As {@link #write(Path, Collection, Set)}, with the reload path unit's drop-in when {@code snippetsDir} is set. */
    public Result write(Path unitDir, Collection<UnitPlan> plans, Set<String> keep, Path snippetsDir) {
        Path dir = unitDir.toAbsolutePath().normalize();
        Map<String, String> wanted = new java.util.LinkedHashMap<>(DropIns.renderAll(List.copyOf(plans), shim));
        if (snippetsDir != null) {
            wanted.put(DropIns.RELOAD_PATH_UNIT, DropIns.reloadWatch(snippetsDir));
        }
        for (String unit : wanted.keySet()) {
            fileFor(dir, unit);
        }
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            Path file = fileFor(dir, e.getKey());
            if (AtomicFiles.writeIfChanged(file, e.getValue(), "rw-r--r--")) {
                written.add(file);
            } else {
                unchanged.add(file);
            }
        }
        Set<String> kept = new java.util.HashSet<>(wanted.keySet());
        kept.addAll(keep);
        List<Path> removed = removeStale(dir, kept);
        return new Result(List.copyOf(written), List.copyOf(unchanged), List.copyOf(removed));
    }

    /** The drop-in path of {@code unit}, proven to be a grandchild of {@code dir}. */
    static Path fileFor(Path dir, String unit) {
        if (unit.length() + 2 > SystemdNames.MAX_UNIT_NAME) {
            throw new IllegalArgumentException("unit name too long for a drop-in directory: "
                    + SystemdNames.printable(unit.substring(0, 40)) + "...");
        }
        if (unit.isEmpty() || unit.indexOf('/') >= 0 || unit.indexOf('\0') >= 0 || unit.startsWith(".")) {
            throw new IllegalArgumentException("refusing unit name " + SystemdNames.printable(unit));
        }
        Path unitDropInDir = dir.resolve(unit + ".d").normalize();
        if (!dir.equals(unitDropInDir.getParent())) {
            throw new IllegalArgumentException("unit name " + SystemdNames.printable(unit) + " leaves " + dir);
        }
        return unitDropInDir.resolve(FILE_NAME);
    }

    private static List<Path> removeStale(Path dir, Set<String> keep) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return removed;
        }
        Set<Path> sorted = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.d")) {
            ds.forEach(sorted::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path d : sorted) {
            String name = d.getFileName().toString();
            String unit = name.substring(0, name.length() - 2);
            Path file = d.resolve(FILE_NAME);
            if (keep.contains(unit) || !Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) || !isOurs(file)) {
                continue;
            }
            try {
                Files.delete(file);
                removed.add(file);
                try (DirectoryStream<Path> rest = Files.newDirectoryStream(d)) {
                    if (!rest.iterator().hasNext()) {
                        Files.delete(d);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove stale " + file + ": " + e.getMessage(), e);
            }
        }
        return removed;
    }

    private static boolean isOurs(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] head = in.readNBytes(DropIns.HEADER.length());
            return DropIns.HEADER.equals(new String(head, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
    }
}
