package io.reactord.agent.umh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts kill whole process trees; concurrency and the queue are bounded. */
final class UmhLimitsTest {
    @TempDir
    Path dir;

    private static String resource(String name, String role) {
        return "change resource name:" + name + " role:" + role + " may_promote:no promotion_score:0";
    }

    @Test
    void timeout_killsTheCommandAndItsChildren() throws Exception {
        Path pid = dir.resolve("pid");
        UmhFixture f = new UmhFixture(dir, "[[umh]]\n[[umh.resource]]\nname = \"hangs\"\ntimeout = \"300ms\"\n"
                + "command = \"sleep 60 & echo $! > " + pid + "; wait\"\n", UmhRunner.Options.DEFAULTS);
        f.feed(resource("r0", "Primary"));
        UmhRun run = f.nextRun();
        assertEquals(UmhRun.Outcome.TIMED_OUT, run.outcome());
        assertNull(run.exitStatus());
        assertTrue(run.duration().compareTo(Duration.ofSeconds(60)) < 0, run.summary());
        long child = Long.parseLong(Files.readString(pid).trim());
        Optional<ProcessHandle> h = ProcessHandle.of(child);
        if (h.isPresent()) {
            h.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "sleep " + child + " survived");
    }

    @Test
    void timeout_killsEvenAChildThatLeftTheTree() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid"))
                || Files.isExecutable(Path.of("/bin/setsid")), "setsid (util-linux) is not installed");
        Path pid = dir.resolve("pid");
        // the inner shell exits at once: its background sleep is re-parented away from the helper
        UmhFixture f = new UmhFixture(dir, "[[umh]]\n[[umh.resource]]\ntimeout = 0.3\n"
                + "command = \"/bin/sh -c 'sleep 60 > /dev/null 2>&1 & echo $! > " + pid + "'; sleep 60\"\n",
                UmhRunner.Options.DEFAULTS);
        f.feed(resource("r0", "Primary"));
        assertEquals(UmhRun.Outcome.TIMED_OUT, f.nextRun().outcome());
        long orphan = Long.parseLong(Files.readString(pid).trim());
        Optional<ProcessHandle> h = ProcessHandle.of(orphan);
        if (h.isPresent()) {
            h.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "orphan " + orphan + " survived");
    }

    @Test
    void defaultTimeout_appliesToRulesWithoutOne() throws Exception {
        UmhFixture f = new UmhFixture(dir, "[[umh]]\n[[umh.resource]]\ncommand = \"sleep 60\"\n",
                new UmhRunner.Options(8, 16, Duration.ofMillis(200)));
        f.feed(resource("r0", "Primary"));
        assertEquals(UmhRun.Outcome.TIMED_OUT, f.nextRun().outcome());
    }

    @Test
    void concurrency_neverMoreThanMaxHelpersAtOnce() throws Exception {
        Path log = dir.resolve("log");
        String cmd = "echo start >> " + log + "; sleep 0.3; echo end >> " + log;
        UmhFixture f = new UmhFixture(dir, "[[umh]]\n[[umh.resource]]\ncommand = \"" + cmd + "\"\n",
                new UmhRunner.Options(2, 100, null));
        for (int i = 0; i < 6; i++) {
            f.feed(resource("r" + i, "Primary"));
        }
        List<UmhRun> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(f.nextRun());
        }
        assertTrue(runs.stream().allMatch(UmhRun::succeeded));
        int running = 0;
        int max = 0;
        for (String l : Files.readAllLines(log)) {
            running += l.equals("start") ? 1 : -1;
            max = Math.max(max, running);
        }
        assertTrue(max <= 2, "at most 2 helpers at once, saw " + max);
        assertEquals(12, Files.readAllLines(log).size());
    }

    @Test
    void queueFull_runDroppedAndReported() throws Exception {
        Path gate = dir.resolve("gate");
        UmhFixture f = new UmhFixture(dir, "[[umh]]\n[[umh.resource]]\nname = \"slow\"\n"
                + "command = \"while [ ! -e " + gate + " ]; do sleep 0.05; done\"\n", new UmhRunner.Options(1, 1, null));
        assertEquals(1, f.feed(resource("a", "Primary")));
        assertEquals(1, f.feed(resource("b", "Primary")));
        assertEquals(0, f.feed(resource("c", "Primary")));
        UmhRun dropped = f.nextRun();
        assertEquals(UmhRun.Outcome.DROPPED, dropped.outcome());
        assertEquals("c", dropped.resource());
        Files.writeString(gate, "");
        assertTrue(f.nextRun().succeeded());
        assertTrue(f.nextRun().succeeded());
        f.idle();
        assertEquals(0, f.runner.pending());
    }

    @Test
    void close_acceptsNoMoreRuns() throws Exception {
        UmhFixture f = new UmhFixture(dir, "[[umh]]\n[[umh.resource]]\ncommand = \"exit 0\"\n", UmhRunner.Options.DEFAULTS);
        f.runner.close();
        assertEquals(0, f.feed(resource("r0", "Primary")));
        assertEquals(UmhRun.Outcome.DROPPED, f.nextRun().outcome());
    }

    @Test
    void reconfigure_newRulesApplyToTheNextEvent() throws Exception {
        UmhFixture f = new UmhFixture(dir, "[[umh]]\n[[umh.resource]]\ncommand = \"exit 0\"\nresource-name = \"x\"\n",
                UmhRunner.Options.DEFAULTS);
        assertEquals(0, f.feed(resource("r0", "Primary")));
        f.runner.reconfigure(UmhFixture.rules(dir, "[[umh]]\n[[umh.resource]]\ncommand = \"exit 0\"\n"
                + "[[umh.resource]]\ncommand = \"exit 1\"\n"));
        assertEquals(2, f.runner.ruleCount());
        assertEquals(2, f.feed(resource("r0", "Secondary")));
    }
}
