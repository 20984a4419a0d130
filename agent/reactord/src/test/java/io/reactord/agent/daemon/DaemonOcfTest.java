package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.reactord.agent.control.ControlClient;
import io.reactord.systemd.harness.PrivateSystemd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCF start entries through the real daemon on a private real systemd, with the real {@code ocf:heartbeat:Dummy}
 * of Debian's {@code resource-agents}: promotion starts the agent instance as {@code ocf.rs@dummy_r0.service}
 * (its state file appears), a failed monitor fails the unit and the promoter notices, quorum loss stops it; and a
 * resource whose plan cannot be realised is refused, never promoted.
 */
final class DaemonOcfTest {
    private static final Path DUMMY = Path.of("/usr/lib/ocf/resource.d/heartbeat/Dummy");
    private static final String OCF_UNIT = "ocf.rs@dummy_r0.service";

    @TempDir
    Path tmp;

    private static void assumeDummy() {
        PrivateSystemd.assumeSystemdOrFail();
        if ("1".equals(System.getenv("REACTORD_REQUIRE_SYSTEMD"))) {
            assertTrue(Files.isExecutable(DUMMY), DUMMY + " missing: install the Debian package resource-agents");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(DUMMY),
                DUMMY + " missing (Debian package resource-agents)");
    }

    private static String ocfSnippet(Path state) {
        return String.join("\n", "[[promoter]]", "[promoter.resources.r0]",
                "start = [\"ocf:heartbeat:Dummy dummy state='" + state + "' fake=x\"]",
                "adjust-resource-on-start = false", "sleep-before-promote-factor = 0",
                // Dummy's first monitor runs 10 s after its start: well past start-settle, whatever the load, so a
                // monitor failure is always a failure of a running service (restart in place), never a failed start
                "start-settle = 2", "");
    }

    @Test
    void ocfEntry_promotion_startsDummy_monitorFailureNoticed_quorumLossStops() throws Exception {
        assumeDummy();
        Path state = tmp.resolve("dummy.state");
        try (RealDaemon d = new RealDaemon(tmp, ocfSnippet(state))) {
            d.start();
            assertTrue(d.dropIn(OCF_UNIT), "no drop-in for " + OCF_UNIT + "\n" + d.log());
            String dropIn = Files.readString(d.sd.unitDir().resolve(OCF_UNIT + ".d/reactor.conf"));
            assertTrue(dropIn.contains("Environment=\"OCF_RESKEY_state=" + state + "\""), dropIn);
            assertTrue(dropIn.contains("Environment=\"AGENT=" + DUMMY + "\""), dropIn);

            d.set("may_promote", "yes");
            d.update();
            d.await("Dummy started", Duration.ofSeconds(60), () -> Files.exists(state) && "active".equals(d.active(OCF_UNIT)));
            d.await("agent ACTIVE", Duration.ofSeconds(30), () -> "ACTIVE".equals(d.state()));
            JsonNode units = report(d).path("reactord").path("snippets").path(0).path("resources").path(0).path("units");
            assertTrue(units.toString().contains(OCF_UNIT), "status unit tree without the OCF unit: " + units);

            // monitor failure: the state file goes, the next monitor (Dummy: every 10 s) fails the unit
            Files.delete(state);
            d.await("promoter noticed the failed monitor", Duration.ofSeconds(40),
                    () -> d.log().contains(OCF_UNIT + " failed (failure 1/"));
            // below max-failures the promoter starts the target again: the agent's start runs again
            d.await("Dummy restarted", Duration.ofSeconds(40), () -> Files.exists(state) && "active".equals(d.active(OCF_UNIT))
                    && "ACTIVE".equals(d.state()));

            // quorum loss stops everything: the agent's stop removes the state file
            d.set("quorum", "no");
            d.set("may_promote", "no");
            d.update();
            d.await("OCF unit stopped", Duration.ofSeconds(60), () -> !"active".equals(d.active(OCF_UNIT))
                    && !"active".equals(d.active(RealDaemon.TARGET)) && !Files.exists(state));
        }
    }

    @Test
    void unrealisablePlan_refused_neverPromoted() throws Exception {
        assumeDummy();
        Path state = tmp.resolve("dummy.state");
        try (RealDaemon d = new RealDaemon(tmp, ocfSnippet(state))) {
            // the OCF unit's drop-in directory is a file: the drop-ins cannot be written
            Files.writeString(d.sd.unitDir().resolve(OCF_UNIT + ".d"), "not a directory\n");
            d.start();
            d.await("refused", Duration.ofSeconds(30), () -> "REFUSED".equals(d.state()));
            d.set("may_promote", "yes");
            d.update();
            d.await("refusal in the log", Duration.ofSeconds(10), () -> d.log().contains("r0: not managed: its drop-ins could not be written"));
            JsonNode report = report(d);
            assertTrue(report.toString().contains("drop-ins could not be written"), report.toString());
            awaitMayPromoteSeen(d);
            assertEquals("REFUSED", d.state());
            assertFalse(d.read("calls").lines().anyMatch(l -> l.startsWith("primary")), d.read("calls"));
            assertEquals("inactive", d.active(RealDaemon.TARGET));
            assertFalse(Files.exists(state));
        }
    }

    @Test
    void missingTemplate_refused_neverPromoted() throws Exception {
        assumeDummy();
        Path state = tmp.resolve("dummy.state");
        try (RealDaemon d = new RealDaemon(tmp, ocfSnippet(state))) {
            // the ocf.rs@ template is not installed in this manager: the instance cannot be loaded
            Files.delete(d.sd.unitDir().resolve("ocf.rs@.service"));
            d.sd.daemonReload();
            d.start();
            d.await("refused", Duration.ofSeconds(30), () -> "REFUSED".equals(d.state()));
            assertTrue(d.log().contains("r0: not managed: its unit " + OCF_UNIT + " cannot be loaded by systemd"), d.log());
            d.set("may_promote", "yes");
            d.update();
            awaitMayPromoteSeen(d);
            assertEquals("REFUSED", d.state());
            assertFalse(d.read("calls").lines().anyMatch(l -> l.startsWith("primary")), d.read("calls"));
            assertEquals("inactive", d.active(RealDaemon.TARGET));
        }
    }

    /** The daemon's event loop has handled may_promote yes (the report reads DRBD from the loop's state). */
    private static void awaitMayPromoteSeen(RealDaemon d) {
        d.await("may_promote seen by the daemon", Duration.ofSeconds(30), () -> report(d).path("reactord").path("snippets").path(0)
                .path("resources").path(0).path("drbd").path("may_promote").asBoolean(false));
    }

    /** {@code reactorctl status --json} as the daemon renders it. */
    private static JsonNode report(RealDaemon d) {
        try {
            JsonNode r = ControlClient.call(d.socket, ControlClient.request("report").put("json", true));
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.path("stdout").asText());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
