package io.reactord.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Helpers for configuration tests: example files from the test resources and files written with safe modes. */
final class Fixtures {
    private Fixtures() {}

    static final List<String> EXAMPLES = List.of("promoter-all-keys.toml", "promoter-minimal.toml",
            "promoter-table-form.toml", "promoter-ocf.toml", "promoter-shell.toml", "umh.toml", "prometheus.toml",
            "debugger.toml", "agentx.toml");

    /** OCF agents the examples use, installed as executable stubs under {@link #OCF_ROOT}. */
    static final List<String> OCF_AGENTS = List.of("heartbeat/IPaddr2", "heartbeat/Filesystem", "heartbeat/Dummy",
            "heartbeat/exportfs", "heartbeat/nfsserver", "heartbeat/portblock", "heartbeat/iSCSITarget",
            "heartbeat/iSCSILogicalUnit", "heartbeat/nvmet-subsystem", "heartbeat/nvmet-namespace", "heartbeat/nvmet-port",
            "heartbeat/anything", "linbit/drbd");

    /** A private OCF root with the {@link #OCF_AGENTS} stubs. */
    static final Path OCF_ROOT = ocfRoot();

    /** A loader for node "alpha", not root (ownership is tested separately), agents under {@link #OCF_ROOT}. */
    static final ConfigLoader LOADER = ConfigLoader.withHost("alpha", false).withOcfRoot(OCF_ROOT);

    private static Path ocfRoot() {
        try {
            Path root = Files.createTempDirectory("reactord-ocf");
            root.toFile().deleteOnExit();
            for (String agent : OCF_AGENTS) {
                Path p = root.resolve("resource.d").resolve(agent);
                Files.createDirectories(p.getParent());
                Files.writeString(p, "#!/bin/sh\nexit 0\n");
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String example(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("examples/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource examples/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code dir/name} with mode 0644. */
    static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads one snippet text as a file named {@code name}. */
    static LoadResult snippet(Path dir, String name, String text) {
        return LOADER.loadFiles(List.of(write(dir, name, text)));
    }

    static String all(List<Diagnostic> ds) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : ds) sb.append(d).append('\n');
        return sb.toString();
    }
}
