package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TransientRunTest {
    private final TransientRun run = new TransientRun(Path.of("/usr/bin/systemd-run"), false, Map.of());

    @Test
    void argv_timeoutAndEnv_runtimeMaxRoundedUpAndCommandAfterDoubleDash() {
        List<String> a = run.argv("reactord-umh-1.service", "d\nx", Map.of("K", "v w"), Duration.ofMillis(1500),
                List.of("/bin/sh", "-c", "--x"));
        assertEquals("/usr/bin/systemd-run", a.get(0));
        assertFalse(a.contains("--user"));
        assertTrue(a.containsAll(List.of("--wait", "--collect", "--unit=reactord-umh-1.service",
                "--property=RuntimeMaxSec=2s", "--setenv=K=v w", "--description=d x")), a.toString());
        assertEquals(List.of("--", "/bin/sh", "-c", "--x"), a.subList(a.size() - 4, a.size()));
        assertFalse(run.argv("u.service", "", Map.of(), null, List.of("x")).stream().anyMatch(s -> s.contains("RuntimeMax")));
    }

    @Test
    void parse_systemdRunReports_outcomes() {
        assertEquals(new TransientRun.Report(true, false, 3), TransientRun.parse(3, """
                Running as unit: t1.service
                Finished with result: exit-code
                Main processes terminated with: code=exited/status=3
                """));
        assertEquals(new TransientRun.Report(true, true, 143), TransientRun.parse(1, """
                Running as unit: t2.service
                Finished with result: timeout
                Main processes terminated with: code=killed/status=TERM
                """));
        assertEquals(new TransientRun.Report(false, false, null),
                TransientRun.parse(1, "Failed to connect to bus: No such file or directory\n"));
    }
}
