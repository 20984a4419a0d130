package io.reactord.ctl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ContextFileTest {
    @TempDir
    Path tmp;

    private Map<String, String> env() throws IOException {
        Files.createDirectories(tmp.resolve("drbd-reactorctl"));
        return Map.of("XDG_CONFIG_HOME", tmp.toString(), "HOME", "/nonexistent");
    }

    @Test
    void nodes_contextFile_hostnameAndUserDefaultsSortedByHost() throws Exception {
        Map<String, String> env = env();
        Files.writeString(tmp.resolve("drbd-reactorctl/prod.toml"),
                "[nodes.zeta]\nhostname = \"a.example\"\n[nodes.beta]\nuser = \"admin\"\n[nodes.\"x.y\"]\n");
        assertEquals(List.of(new ContextFile.Node("zeta", "a.example", "root"), new ContextFile.Node("beta", "beta", "admin"),
                new ContextFile.Node("x.y", "x.y", "root")), ContextFile.nodes("prod", env));
    }

    @Test
    void nodes_homeConfigWithoutXdg_readThere() throws Exception {
        Files.createDirectories(tmp.resolve(".config/drbd-reactorctl"));
        Files.writeString(tmp.resolve(".config/drbd-reactorctl/default.toml"), "[nodes.alpha]\n");
        assertEquals(List.of(new ContextFile.Node("alpha", "alpha", "root")),
                ContextFile.nodes("default", Map.of("HOME", tmp.toString())));
    }

    @Test
    void nodes_nodesScript_outputReadAsMoreOfTheFile() throws Exception {
        Map<String, String> env = env();
        Path script = tmp.resolve("drbd-reactorctl/nodes.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '[nodes.beta]\\n[nodes.gamma]\\n'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(tmp.resolve("drbd-reactorctl/lab.toml"), "nodes-script = \"nodes.sh\"\n");
        assertEquals(List.of("beta", "gamma"), ContextFile.nodes("lab", env).stream().map(ContextFile.Node::name).toList());
    }

    @Test
    void nodes_localNoneOrMissingDefault_thisNodeOnly() throws Exception {
        Map<String, String> env = env();
        assertEquals(List.of(), ContextFile.nodes("none", env));
        assertEquals(List.of(), ContextFile.nodes("local", env));
        assertEquals(List.of(), ContextFile.nodes("default", env));
        assertEquals(List.of(), ContextFile.nodes("default", Map.of()));
    }

    @Test
    void nodes_missingBrokenOrFailingScript_oneLineError() throws Exception {
        Map<String, String> env = env();
        assertTrue(assertThrows(ContextFile.ContextException.class, () -> ContextFile.nodes("prod", env)).getMessage()
                .contains("no context 'prod': " + tmp.resolve("drbd-reactorctl/prod.toml") + " does not exist"));
        Files.writeString(tmp.resolve("drbd-reactorctl/bad.toml"), "[nodes.a\n");
        assertTrue(assertThrows(ContextFile.ContextException.class, () -> ContextFile.nodes("bad", env)).getMessage()
                .startsWith(tmp.resolve("drbd-reactorctl/bad.toml") + ": "));
        Path script = tmp.resolve("drbd-reactorctl/fail.sh");
        Files.writeString(script, "#!/bin/sh\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(tmp.resolve("drbd-reactorctl/s.toml"), "nodes-script = \"fail.sh\"\n");
        assertTrue(assertThrows(ContextFile.ContextException.class, () -> ContextFile.nodes("s", env)).getMessage()
                .contains("failed (exit code 3)"));
        assertThrows(ContextFile.ContextException.class, () -> ContextFile.nodes("../etc/x", env));
    }
}
