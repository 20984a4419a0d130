package io.reactord.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throwaway dpkg root: an empty package database under {@code <root>/var/lib/dpkg}, into which packages
 * are installed with {@code dpkg --root --force-script-chrootless}. dpkg then runs the maintainer scripts on
 * the host with {@code DPKG_ROOT=<root>}, so they must (and here are checked to) touch only that tree.
 */
final class DpkgRoot {

    final Path root;
    private String path;
    private Path pathDir;

    DpkgRoot(Path root) throws IOException {
        this.root = root;
        Path db = root.resolve("var/lib/dpkg");
        Files.createDirectories(db.resolve("info"));
        Files.createDirectories(db.resolve("updates"));
        Files.createDirectories(db.resolve("triggers"));
        Files.writeString(db.resolve("status"), "");
        Files.writeString(db.resolve("available"), "");
    }

    /** Fails the calling test with a clear message when dpkg cannot run here. */
    static void requireDpkg() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new AssertionError("the install test runs dpkg --root and needs root (it only writes below a temporary directory)");
        }
        if (Processes.run(List.of("sh", "-c", "command -v dpkg")).exitCode() != 0) {
            throw new AssertionError("dpkg not found: install it (apt-get install dpkg); .ci/run does");
        }
    }

    String install(Path deb) throws Exception {
        return dpkg("--install", deb.toString());
    }

    /** Makes later dpkg runs see a PATH of links to every host command except those named. */
    void hideCommands(Path binDir, String... hidden) throws IOException {
        Files.createDirectories(binDir);
        List<String> skip = List.of(hidden);
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (var files = Files.list(d)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path link = binDir.resolve(f.getFileName().toString());
                    if (!skip.contains(f.getFileName().toString()) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, f);
                    }
                }
            }
        }
        path = binDir.toString();
        pathDir = binDir;
    }

    /** Removes the links {@link #hideCommands} made and restores the host's PATH for later dpkg runs. */
    void restoreCommands() throws IOException {
        if (pathDir != null) {
            try (var links = Files.list(pathDir)) {
                for (Path l : (Iterable<Path>) links::iterator) {
                    Files.delete(l);
                }
            }
        }
        path = null;
        pathDir = null;
    }

    String remove() throws Exception {
        return dpkg("--remove", "reactord");
    }

    String purge() throws Exception {
        return dpkg("--purge", "reactord");
    }

    /** {@code dpkg-query} status and version of reactord in this root, e.g. "install ok installed 0.1.0". */
    String status() throws Exception {
        Processes.Result r = Processes.run(List.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"),
                "--showformat=${Status} ${Version}", "--show", "reactord"));
        return r.exitCode() == 0 ? r.output().strip() : "not installed";
    }

    Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    private String dpkg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("dpkg", "--root=" + root, "--force-depends",
                "--force-script-chrootless", "--log=" + root.resolve("dpkg.log")));
        cmd.addAll(List.of(args));
        Processes.Result r = Processes.run(cmd, path == null ? Map.of() : Map.of("PATH", path));
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }
}
