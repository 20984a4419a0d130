package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.Systemctl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * disable, enable, restart and rm without systemd or a daemon: systemctl is a script that logs its arguments and
 * reports reactord.service active (so a reload is a {@code systemctl reload}); no control socket exists.
 */
final class SnippetCommandsTest {
    static final String DB = "[[promoter]]\n[promoter.resources.db]\nstart = [\"a.service\"]\n";

    @TempDir
    Path tmp;
    CtlFixture fx;
    Path log;
    Systemctl systemctl;
    CtlFixture.Io io = new CtlFixture.Io();

    @BeforeEach
    void setUp() throws IOException {
        fx = new CtlFixture(tmp.resolve("cfg"));
        log = tmp.resolve("systemctl.log");
        Path sc = tmp.resolve("systemctl");
        Files.writeString(sc, "#!/bin/sh\necho \"$*\" >> " + log + "\n"
                + "case \"$*\" in *show*) printf 'Id=reactord.service\\nActiveState=active\\n\\n"
                + "Id=reactord-reload.path\\nActiveState=inactive\\n' ;; esac\n"
                + "[ -e " + tmp.resolve("fail") + " ] && { echo 'no can do' >&2; exit 1; }\nexit 0\n");
        Files.setPosixFilePermissions(sc, PosixFilePermissions.fromString("rwxr-xr-x"));
        systemctl = new Systemctl(List.of(sc.toString()), Map.of(), 10_000);
        fx.snippet("db.toml", DB);
    }

    private int run(SnippetCommand cmd, String... args) {
        cmd.systemctl = systemctl;
        cmd.out = io.o;
        cmd.err = io.e;
        return new CommandLine(cmd).execute(fx.withConfig(args));
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void disable_renamesReloadsAndWithNowStopsTheTarget() throws IOException {
        assertEquals(ExitCodes.OK, run(new DisableCommand(), "--now", "db"), io.err());
        assertTrue(Files.exists(fx.snippets.resolve("db.toml.disabled")));
        assertTrue(io.out().contains("Disabled " + fx.snippets.resolve("db.toml")), io.out());
        assertTrue(io.out().contains("reloaded reactord.service"), io.out());
        assertTrue(io.out().contains("Stopped drbd-services@db.target"), io.out());
        assertTrue(calls().contains("--no-pager reload reactord.service"), calls().toString());
        assertTrue(calls().contains("--no-pager stop drbd-services@db.target"), calls().toString());
    }

    @Test
    void disable_unknownIsNotFound_reloadFailureIsFailure() throws IOException {
        assertEquals(ExitCodes.NOT_FOUND, run(new DisableCommand(), "nosuch"));
        assertTrue(io.err().contains("reactorctl disable: no such snippet or resource: nosuch"), io.err());
        Files.writeString(tmp.resolve("fail"), "");
        assertEquals(ExitCodes.FAILURE, run(new DisableCommand(), "db"));
        assertTrue(io.err().contains("cannot reload reactord: "), io.err());
    }

    @Test
    void enable_withoutFiles_enablesAllDisabled() throws IOException {
        Files.move(fx.snippets.resolve("db.toml"), fx.snippets.resolve("db.toml.disabled"));
        assertEquals(ExitCodes.OK, run(new EnableCommand()), io.err());
        assertTrue(Files.exists(fx.snippets.resolve("db.toml")));
        assertTrue(io.out().contains("Enabled " + fx.snippets.resolve("db.toml")), io.out());
        assertTrue(calls().contains("--no-pager reload reactord.service"), calls().toString());
    }

    @Test
    void enable_unknownIsNotFound_brokenSnippetIsFailure() throws IOException {
        assertEquals(ExitCodes.NOT_FOUND, run(new EnableCommand(), "nosuch"));
        assertTrue(io.err().contains("reactorctl enable: no such snippet or resource: nosuch"), io.err());
        fx.snippet("x.toml.disabled", "[[promoter]\n");
        assertEquals(ExitCodes.FAILURE, run(new EnableCommand(), "x.toml.disabled"));
        assertTrue(io.err().contains("it has errors"), io.err());
        assertFalse(Files.exists(fx.snippets.resolve("x.toml")));
    }

    @Test
    void restart_withoutFiles_restartsTheDaemon() throws IOException {
        assertEquals(ExitCodes.OK, run(new RestartCommand()), io.err());
        assertEquals("restarted reactord.service", io.out().strip());
        assertEquals(List.of("--no-pager restart reactord.service"), calls());
        Files.writeString(tmp.resolve("fail"), "");
        assertEquals(ExitCodes.FAILURE, run(new RestartCommand()));
        assertTrue(io.err().startsWith("reactorctl restart: "), io.err());
    }

    @Test
    void restart_withFiles_disablesAndEnablesAgain() throws IOException {
        assertEquals(ExitCodes.OK, run(new RestartCommand(), "--with-targets", "db"), io.err());
        assertTrue(Files.exists(fx.snippets.resolve("db.toml")));
        assertEquals(List.of("--no-pager show", "--no-pager reload reactord.service", "--no-pager stop drbd-services@db.target",
                "--no-pager show", "--no-pager reload reactord.service"),
                calls().stream().map(c -> c.startsWith("--no-pager show") ? "--no-pager show" : c).toList());
        assertEquals(ExitCodes.NOT_FOUND, run(new RestartCommand(), "nosuch"));
        assertTrue(io.err().contains("reactorctl restart: no such enabled snippet or resource: nosuch"), io.err());
    }

    @Test
    void rm_asksThenRemovesAndReloads() throws IOException {
        RmCommand no = new RmCommand();
        no.in = new ByteArrayInputStream("n\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ExitCodes.OK, run(no, "db"), io.err());
        assertTrue(io.out().contains("kept " + fx.snippets.resolve("db.toml")), io.out());
        assertEquals(List.of(), calls());
        RmCommand yes = new RmCommand();
        yes.in = new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ExitCodes.OK, run(yes, "db"), io.err());
        assertFalse(Files.exists(fx.snippets.resolve("db.toml")));
        assertTrue(calls().contains("--no-pager reload reactord.service"), calls().toString());
        assertEquals(ExitCodes.NOT_FOUND, run(new RmCommand(), "-f", "db"));
        assertTrue(io.err().contains("reactorctl rm: no such snippet or resource: db"), io.err());
    }

    @Test
    void rmDisabled_unknownIsNotFound_removalNeedsNoReload() throws IOException {
        assertEquals(ExitCodes.NOT_FOUND, run(new RmCommand(), "--disabled", "-f", "db"));
        assertTrue(io.err().contains("reactorctl rm: no such disabled snippet: db"), io.err());
        fx.snippet("db.toml.disabled", DB);
        assertEquals(ExitCodes.OK, run(new RmCommand(), "--disabled", "-f", "db"), io.err());
        assertFalse(Files.exists(fx.snippets.resolve("db.toml.disabled")));
        assertTrue(Files.exists(fx.snippets.resolve("db.toml")));
        assertEquals(List.of(), calls());
    }

    @Test
    void rm_reloadFails_failure() throws IOException {
        Files.writeString(tmp.resolve("fail"), "");
        assertEquals(ExitCodes.FAILURE, run(new RmCommand(), "-f", "db"));
        assertFalse(Files.exists(fx.snippets.resolve("db.toml")));
        assertTrue(io.err().contains("cannot reload reactord: "), io.err());
    }
}
