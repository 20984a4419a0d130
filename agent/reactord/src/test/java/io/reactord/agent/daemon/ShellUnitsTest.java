package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.agent.core.JobOutcome;
import io.reactord.agent.promoter.JobResult;
import io.reactord.agent.promoter.UnitActiveState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell runner through a recording {@link ProcessRunner}. */
final class ShellUnitsTest {
    private final List<String> ran = new ArrayList<>();
    private final List<String> failing = new ArrayList<>();
    private final ProcessRunner runner = argv -> {
        String cmd = String.join(" ", argv);
        ran.add(cmd);
        return CompletableFuture.completedFuture(failing.stream().anyMatch(cmd::contains) ? 1 : 0);
    };
    private static final Map<String, ShellUnits.Spec> SPECS =
            Map.of("r0", new ShellUnits.Spec(List.of("mount-it", "run-it"), List.of("stop-it", "umount-it")));
    @TempDir
    Path dir;
    private ShellUnits units;

    @BeforeEach
    void setUp() {
        units = new ShellUnits(runner, "drbdsetup", SPECS, new ShellState(dir.resolve(ShellState.NAME), "boot-1"));
    }

    @Test
    void shell_underSystemd_commandRunsAsTransientUnitWithTimeout() {
        ShellUnits viaSystemd = new ShellUnits(runner, "drbdsetup", Map.of(), new ShellState(dir.resolve(ShellState.NAME), "boot-1"),
                new io.reactord.systemd.TransientRun(
                java.nio.file.Path.of("/usr/bin/systemd-run"), false, Map.of()));
        List<String> argv = viaSystemd.shell("r0", "mount-it");
        assertEquals("/usr/bin/systemd-run", argv.get(0));
        assertEquals(List.of("--", "/bin/sh", "-c", "mount-it"), argv.subList(argv.size() - 4, argv.size()));
        assertEquals(true, argv.contains("--wait") && argv.contains("--property=RuntimeMaxSec=590s"), argv.toString());
        assertEquals(true, argv.stream().anyMatch(a -> a.startsWith("--unit=reactord-shell-")), argv.toString());
    }

    @Test
    void start_allSucceed_promotesThenRunsInOrder() {
        JobOutcome o = units.start("r0", "t").join();
        assertEquals(JobResult.DONE, o.result());
        assertEquals(List.of("drbdsetup primary r0", "/bin/sh -c mount-it", "/bin/sh -c run-it"), ran);
        assertEquals(UnitActiveState.ACTIVE, units.activeState("r0", "t").join());
    }

    @Test
    void start_promoteRefused_isLostRaceWithoutCommands() {
        failing.add("primary");
        JobOutcome o = units.start("r0", "t").join();
        assertEquals(JobResult.SKIPPED, o.result());
        assertEquals(Boolean.FALSE, o.conditionResult());
        assertEquals(List.of("drbdsetup primary r0"), ran);
    }

    @Test
    void start_commandFails_stopsAndDemotes() {
        failing.add("run-it");
        JobOutcome o = units.start("r0", "t").join();
        assertEquals(JobResult.FAILED, o.result());
        assertEquals(List.of("drbdsetup primary r0", "/bin/sh -c mount-it", "/bin/sh -c run-it", "/bin/sh -c stop-it",
                "/bin/sh -c umount-it", "drbdsetup secondary r0"), ran);
    }

    @Test
    void activeState_afterAgentRestart_startedResourceStaysActiveAndStopRunsTheStopCommands() throws Exception {
        units.start("r0", "t").join();
        ran.clear();

        ShellUnits restarted = new ShellUnits(runner, "drbdsetup", SPECS, new ShellState(dir.resolve(ShellState.NAME), "boot-1"));

        assertEquals(UnitActiveState.ACTIVE, restarted.activeState("r0", "t").join());
        assertEquals(JobResult.DONE, restarted.stop("r0", "t").join().result());
        assertEquals(List.of("/bin/sh -c stop-it", "/bin/sh -c umount-it", "drbdsetup secondary r0"), ran);
        ShellUnits again = new ShellUnits(runner, "drbdsetup", SPECS, new ShellState(dir.resolve(ShellState.NAME), "boot-1"));
        assertEquals(UnitActiveState.INACTIVE, again.activeState("r0", "t").join());
    }

    @Test
    void stateFile_isPrivateAndForgottenAfterAReboot() throws Exception {
        units.start("r0", "t").join();
        Path f = dir.resolve(ShellState.NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertTrue(Files.readString(f).contains("\"started\":[\"r0\"]"), Files.readString(f));

        ShellUnits afterReboot = new ShellUnits(runner, "drbdsetup", SPECS, new ShellState(f, "boot-2"));

        assertEquals(UnitActiveState.INACTIVE, afterReboot.activeState("r0", "t").join());
        assertTrue(Files.readString(f).contains("\"boot_id\":\"boot-2\""), "rewritten for this boot: " + Files.readString(f));
    }

    @Test
    void stateFile_unreadable_nothingStartedAndNoFailure() throws Exception {
        Files.writeString(dir.resolve(ShellState.NAME), "{not json");
        ShellUnits u = new ShellUnits(runner, "drbdsetup", SPECS, new ShellState(dir.resolve(ShellState.NAME), "boot-1"));
        assertEquals(UnitActiveState.INACTIVE, u.activeState("r0", "t").join());
    }

    @Test
    void freeze_unsupported() {
        assertEquals(JobResult.UNSUPPORTED, units.freeze("r0", "x").join().result());
    }
}
