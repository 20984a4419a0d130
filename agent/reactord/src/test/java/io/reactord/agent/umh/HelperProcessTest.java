package io.reactord.agent.umh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class HelperProcessTest {
    @Test
    void run_valueWithNul_failedToStartNotAnException() {
        HelperProcess.Result r = HelperProcess.run("exit 0", Map.of("X", "a\0b"), null);
        assertEquals(UmhRun.Outcome.FAILED_TO_START, r.outcome());
        assertNull(r.exitStatus());
    }

    @Test
    void run_exitBySignal_statusIs128PlusSignal() {
        HelperProcess.Result r = HelperProcess.run("kill -TERM $$", Map.of(), null);
        assertEquals(UmhRun.Outcome.EXITED, r.outcome());
        assertEquals(143, r.exitStatus());
    }

    @Test
    void run_chattyCommand_outputBoundedAndCommandNotBlocked() {
        HelperProcess.Result r = HelperProcess.run("head -c 1000000 /dev/zero | tr '\\0' x; exit 7", Map.of(
                "PATH", "/usr/bin:/bin"), Duration.ofSeconds(60));
        assertEquals(7, r.exitStatus());
        assertEquals(HelperProcess.OUTPUT_LIMIT, r.output().length());
    }

    @Test
    void run_workingDirectoryAndStdin_rootAndEmpty() {
        HelperProcess.Result r = HelperProcess.run("pwd; cat; echo end", Map.of("PATH", "/usr/bin:/bin"),
                Duration.ofSeconds(60));
        assertEquals("/\nend\n", r.output());
    }
}
