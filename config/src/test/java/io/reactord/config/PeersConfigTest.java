package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main file's {@code [peers]} table: defaults, values, and each error with its {@code path:line:}. */
final class PeersConfigTest {
    @TempDir
    Path dir;

    private LoadResult main(String text) {
        Fixtures.write(dir, "d/.keep", "");
        return Fixtures.LOADER.loadMain(Fixtures.write(dir, "reactord.toml", "snippets = \"d\"\n" + text));
    }

    private String oneError(String text) {
        LoadResult r = main(text);
        assertNull(r.config());
        assertEquals(1, r.errors().size(), Fixtures.all(r.errors()));
        return r.errors().get(0).toString();
    }

    @Test
    void load_noPeersTable_defaultSshCommand() {
        PeersConfig p = main("").config().peers();
        assertEquals(PeersConfig.DEFAULT, p);
        assertEquals(List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "root@beta", "reactorctl", "move"),
                p.commandFor("beta", List.of("move")));
        assertEquals(Duration.ofSeconds(10), p.timeout());
    }

    @Test
    void load_commandAndTimeout_used() {
        PeersConfig p = main("[peers]\ncommand = [\"/usr/local/bin/on\", \"{node}\", \"--\", \"reactorctl\"]\ntimeout = \"3s\"\n")
                .config().peers();
        assertEquals(List.of("/usr/local/bin/on", "gamma", "--", "reactorctl", "x"), p.commandFor("gamma", List.of("x")));
        assertEquals(Duration.ofSeconds(3), p.timeout());
    }

    @Test
    void load_commandWithoutNode_errorWithLine() {
        assertEquals(dir.resolve("reactord.toml") + ":3: 'command' must contain {node} (the peer's node name) in one of its items",
                oneError("[peers]\ncommand = [\"ssh\", \"reactorctl\"]\n"));
    }

    @Test
    void load_commandEmpty_error() {
        assertEquals(dir.resolve("reactord.toml") + ":3: 'command' must name a program, e.g. [\"ssh\", \"root@{node}\", \"reactorctl\"]",
                oneError("[peers]\ncommand = []\n"));
    }

    @Test
    void load_commandAsString_typeError() {
        String e = oneError("[peers]\ncommand = \"ssh root@{node} reactorctl\"\n");
        assertEquals(dir.resolve("reactord.toml") + ":3: 'command' must be a list of strings, e.g. [\"a\", \"b\"], got string \"ssh root@{node} reactorctl\"", e);
    }

    @Test
    void load_timeoutOutOfRange_error() {
        String e = oneError("[peers]\ntimeout = \"10m\"\n");
        assertEquals(dir.resolve("reactord.toml") + ":3: 'timeout' must be between 1s and 5m, got 10m", e);
    }

    @Test
    void load_unknownKey_namesClosest() {
        String e = oneError("[peers]\ncomand = [\"{node}\"]\n");
        assertEquals(dir.resolve("reactord.toml") + ":3: unknown key 'comand' in [peers]; did you mean 'command'?", e);
    }

    @Test
    void load_peersInSnippet_error() {
        Fixtures.write(dir, "d/x.toml", "[peers]\ncommand = [\"{node}\"]\n");
        LoadResult r = Fixtures.LOADER.loadMain(Fixtures.write(dir, "reactord.toml", "snippets = \"d\"\n"));
        assertEquals(1, r.errors().size(), Fixtures.all(r.errors()));
        assertEquals(dir.resolve("d/x.toml") + ":1: 'peers' is a main-file setting and has no effect in a snippet; set it in "
                + dir.resolve("reactord.toml"), r.errors().get(0).toString());
    }
}
