package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon with {@code runner = "shell"}: what it started survives a kill -9 and restart of the agent,
 * so a quorum loss afterwards runs the stop commands and demotes.
 */
final class DaemonShellRunnerTest {
    @TempDir
    Path tmp;
    private RealDaemon d;

    @AfterEach
    void tearDown() {
        if (d != null) {
            d.close();
        }
    }

    @Test
    void shellRunner_agentRestartThenQuorumLoss_runsTheStopCommands() throws Exception {
        Path calls = tmp.resolve("fake/calls");
        d = new RealDaemon(tmp, String.join("\n", "[[promoter]]", "[promoter.resources.r0]", "runner = \"shell\"",
                "start = [\"echo started >> " + calls + "\"]", "stop = [\"echo stopped >> " + calls + "\"]",
                "adjust-resource-on-start = false", "sleep-before-promote-factor = 0", ""));
        d.set("role", "Secondary");
        d.set("may_promote", "no");
        d.start();
        d.set("may_promote", "yes");
        d.update();
        d.await("started", Duration.ofSeconds(20), () -> d.read("calls").contains("started") && "ACTIVE".equals(d.state()));
        Path state = d.stateDir.resolve(ShellState.NAME);
        assertTrue(Files.readString(state).contains("\"started\":[\"r0\"]"), Files.readString(state));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d.stateDir)));

        d.crash();
        d.start();
        d.await("adopted as running", Duration.ofSeconds(20), () -> "ACTIVE".equals(d.state()));
        assertEquals(1, d.read("calls").lines().filter(l -> l.equals("started")).count(), "no second start: " + d.read("calls"));

        d.set("quorum", "no");
        d.update();
        d.await("stop commands ran and demoted", Duration.ofSeconds(20),
                () -> d.read("calls").contains("stopped") && d.read("role").strip().equals("Secondary"));
        String c = d.read("calls");
        assertTrue(c.indexOf("stopped") < c.lastIndexOf("secondary"), "stop commands before the demotion: " + c);
    }
}
