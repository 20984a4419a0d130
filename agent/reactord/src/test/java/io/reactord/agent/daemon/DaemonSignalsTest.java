package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signals to the real daemon: SIGUSR1 logs the configuration, stray signals are ignored, SIGTERM exits 0. */
final class DaemonSignalsTest {
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
    void signals_usr1DumpsConfigurationStrayOnesIgnoredTermExits() throws Exception {
        d = new RealDaemon(tmp, RealDaemon.snippet("preferred-nodes = [\"bravo\", \"alpha\"]"));
        d.start();

        d.signal("USR1");
        d.await("configuration logged", Duration.ofSeconds(10), () -> d.log().contains("SIGUSR1: running configuration"));
        String log = d.log();
        assertTrue(log.contains("    resources: {\n        \"r0\": PromoterResource {\n            name: \"r0\",\n"), log);
        assertTrue(log.contains("            preferredNodes: [\n                \"bravo\",\n                \"alpha\",\n"), log);

        for (String sig : List.of("USR2", "PIPE", "ALRM", "VTALRM", "TSTP", "TTIN", "TTOU", "PWR", "IO", "XFSZ", "PROF")) {
            d.signal(sig);
        }
        d.await("every stray signal seen", Duration.ofSeconds(10), () -> d.log().contains("SIGPROF received: ignored"));
        assertTrue(d.agent().isAlive(), d.log());
        assertTrue(d.status().path("ready").asBoolean(), "still answering\n" + d.log());
        assertTrue(d.log().contains("SIGTSTP received: ignored"), d.log());

        d.signal("TERM");
        assertTrue(d.agent().waitFor(30, TimeUnit.SECONDS), "no exit on SIGTERM\n" + d.log());
        assertEquals(0, d.agent().exitValue(), d.log());
    }

    /** Started with SIGHUP ignored (as under nohup) the JVM cannot handle it: the daemon says so instead of silence. */
    @Test
    void signals_hupIgnoredAtExec_warnedAtStart() throws Exception {
        d = new RealDaemon(tmp, RealDaemon.snippet());
        d.wrapper("/bin/sh", "-c", "trap '' HUP; exec \"$@\"", "sh");
        d.start();
        // the list may name SIGINT too: a background job of a non-interactive shell (a CI runner) starts with it ignored
        String warning = d.log().lines().filter(l -> l.contains("signals: cannot handle SIG")).findFirst().orElse("");
        assertTrue(warning.matches(".*cannot handle (SIG[A-Z]+, )*SIGHUP(, SIG[A-Z]+)* in this JVM \\(ignored by the process that"
                + " started it.*"), d.log());
        d.signal("HUP");
        d.signal("TERM");
        assertTrue(d.agent().waitFor(30, TimeUnit.SECONDS), "no exit on SIGTERM\n" + d.log());
        assertEquals(0, d.agent().exitValue(), d.log());
        assertTrue(!d.log().contains("SIGHUP: reloading"), d.log());
    }
}
