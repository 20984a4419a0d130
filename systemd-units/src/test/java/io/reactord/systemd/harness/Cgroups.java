package io.reactord.systemd.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Dedicated cgroups for one private manager: created below this JVM's own cgroups, removed after. */
final class Cgroups {
    private Cgroups() {}

    /** The mounted hierarchies with a cgroup.procs file (a pure cgroup2 host: the root itself). */
    static List<Path> hierarchies(Path root, List<String> skipped) {
        List<Path> out = new ArrayList<>();
        if (Files.exists(root.resolve("cgroup.procs"))) {
            out.add(root);
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path h : ds) {
                if (Files.isDirectory(h, LinkOption.NOFOLLOW_LINKS) && Files.exists(h.resolve("cgroup.procs"))
                        && Files.isWritable(h) && !skipped.contains(h.getFileName().toString())) {
                    out.add(h);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Creates {@code <hierarchy>/<own cgroup>/<id>} in every hierarchy; all or nothing. */
    static List<Path> create(Path root, List<String> skipped, String id) throws IOException {
        List<Path> created = new ArrayList<>();
        try {
            for (Path h : hierarchies(root, skipped)) {
                Path cg = h.resolve(ownPath(h, root)).resolve(id).normalize();
                Files.createDirectory(cg);
                created.add(cg);
            }
        } catch (IOException | RuntimeException e) {
            killAndRemove(created);
            throw e;
        }
        if (created.isEmpty()) {
            throw new IOException("no cgroup hierarchy to create " + id + " in");
        }
        return List.copyOf(created);
    }

    /** Sends SIGKILL to every process in the cgroups (and below), by PID. */
    static void killAll(List<Path> cgroups) {
        for (Path cg : cgroups) {
            for (long pid : pids(cg)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** Kills what is left and removes the cgroups, deepest first; retries while processes exit. */
    static void killAndRemove(List<Path> cgroups) {
        for (int attempt = 0; attempt < 50; attempt++) {
            killAll(cgroups);
            boolean all = true;
            for (Path cg : cgroups) {
                all &= removeTree(cg);
            }
            if (all) {
                return;
            }
            PrivateSystemd.sleep(50);
        }
        System.err.println("private systemd: could not remove cgroups " + cgroups);
    }

    private static boolean removeTree(Path cg) {
        if (!Files.exists(cg)) {
            return true;
        }
        try (Stream<Path> s = Files.walk(cg)) {
            List<Path> dirs = s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.reverseOrder()).toList();
            for (Path d : dirs) {
                Files.delete(d);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static List<Long> pids(Path cg) {
        if (!Files.exists(cg)) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(cg)) {
            for (Path procs : s.filter(p -> p.getFileName().toString().equals("cgroup.procs")).toList()) {
                for (String line : Files.readAllLines(procs)) {
                    if (!line.isBlank()) {
                        out.add(Long.parseLong(line.strip()));
                    }
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            // the cgroup is going away; what was read is what there is
        }
        return out;
    }

    /** This JVM's cgroup path in hierarchy {@code h}, relative ("" for the root). */
    private static String ownPath(Path h, Path root) throws IOException {
        String name = h.equals(root) ? "" : h.getFileName().toString();
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            boolean match = name.isEmpty() || name.equals("unified") ? f[1].isEmpty()
                    : f[1].equals(name) || f[1].equals("name=" + name) || List.of(f[1].split(",")).contains(name);
            if (match) {
                return f[2].startsWith("/") ? f[2].substring(1) : f[2];
            }
        }
        return "";
    }
}
