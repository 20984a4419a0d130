package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events2 child: lines delivered, an exiting child restarted with stream boundaries, over-long lines dropped. */
final class Events2ProcessTest {
    @TempDir
    Path tmp;

    @Test
    void start_childExits_isRestartedWithBoundaries() throws Exception {
        Path script = tmp.resolve("events2");
        Files.writeString(script, "#!/bin/sh\necho 'exists -'\nhead -c 70000 /dev/zero | tr '\\\\0' x; echo\necho after\nexit 3\n");
        script.toFile().setExecutable(true);
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Events2Process p = new Events2Process(List.of(script.toString()))) {
            p.start(new EventSource.Sink() {
                public void streamStarting(boolean restart) {
                    seen.add("start " + restart);
                }

                public void line(String line) {
                    seen.add(line.equals(Events2Process.OVERLONG) ? "overlong" : line);
                }

                public void streamLost(String why) {
                    seen.add("lost " + why);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.stream().filter(s -> s.startsWith("start")).count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertEquals(List.of("start false", "exists -", "overlong", "after", "lost drbdsetup events2 exited with status 3", "start true"),
                seen.subList(0, 6));
        assertTrue(seen.size() >= 6);
    }
}
