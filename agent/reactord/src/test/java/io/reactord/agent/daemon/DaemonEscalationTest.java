package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon on a private systemd: when the promotion itself fails (drbdsetup cannot run), systemd starts
 * {@code drbd-demote-or-escalate@} through {@code OnFailure=}, but nothing was demoted, so the daemon neither
 * logs nor counts an escalation.
 */
final class DaemonEscalationTest {
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
    void failedPromotion_escalationUnitRuns_notCountedAsEscalation() throws Exception {
        d = new RealDaemon(tmp, RealDaemon.snippet());
        d.set("role", "Secondary");
        d.set("may_promote", "no");
        d.start();
        d.set("primary_rc", "127"); // the shim: cannot run drbdsetup, exit 255: the promote unit fails
        d.set("may_promote", "yes");
        d.update();
        d.await("the escalation unit ran after the failed promotion", Duration.ofSeconds(30),
                () -> d.log().contains("drbd-demote-or-escalate@r0.service runs after a failed promotion"));
        assertFalse(d.log().contains("escalated to on-drbd-demote-failure"), d.log());
    }
}
