package io.reactord.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Writes the fake {@code drbdsetup}, {@code drbdadm} and {@code drbdsim} executables of one simulated node:
 * small bash scripts (no JVM start per call) that send their arguments to the node's {@link SimServer} port over
 * bash's {@code /dev/tcp} and replay the answer as stdout, stderr and exit code.
 */
public final class FakeDrbdTools {

    /** The executables written by {@link #install}. */
    public static final List<String> TOOLS = List.of("drbdsetup", "drbdadm", "drbdsim");

    private FakeDrbdTools() {
    }

    /**
     * Installs the tools for {@code node} into {@code dir} (created if needed), talking to 127.0.0.1:{@code port}.
     *
     * @return the absolute path of the fake {@code drbdsetup} (for the agent's {@code drbdsetup} setting)
     */
    public static Path install(Path dir, String node, int port) throws IOException {
        if (!node.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("invalid node name: " + node);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid port: " + port);
        }
        String template;
        try (InputStream in = FakeDrbdTools.class.getResourceAsStream("fake-tool.sh")) {
            if (in == null) {
                throw new IOException("fake-tool.sh missing from the classpath");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(dir);
        for (String tool : TOOLS) {
            String script = template.replace("@TOOL@", tool).replace("@NODE@", node)
                    .replace("@PORT@", Integer.toString(port));
            Path tmp = Files.createTempFile(dir, "." + tool, ".tmp");
            Files.writeString(tmp, script, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, dir.resolve(tool), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return dir.resolve("drbdsetup").toAbsolutePath();
    }
}
