package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.reactord.agent.control.ControlClient;
import io.reactord.ctl.status.QuickStatus;
import io.reactord.systemd.InstallUnits;
import io.reactord.systemd.harness.PrivateSystemd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon (a separate JVM) against a private real systemd and a fake {@code drbdsetup} that
 * plays one resource: promotion starts the target and its service, an agent kill -9 and restart and an
 * events2 child kill cause no unit restart, quorum loss stops the services and demotes.
 */
final class DaemonEndToEndTest {
    private static final String TARGET = "drbd-services@r0.target";
    private static final String SERVICE = "reactord-e2e.service";

    @TempDir
    Path tmp;
    private PrivateSystemd sd;
    private Process agent;
    private Path fake;
    private Path socket;
    private Path agentLog;
    private String privateClasspath;

    @BeforeEach
    void setUp() throws IOException {
        PrivateSystemd.assumeSystemdOrFail();
        sd = PrivateSystemd.start(tmp.resolve("sd"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        fake = Files.createDirectories(tmp.resolve("fake"));
        Files.writeString(fake.resolve("changes"), "");
        try (InputStream in = getClass().getResourceAsStream("/io/reactord/agent/e2e/fake-drbdsetup")) {
            // FAKE_DIR defaults to this test's, so that reactorctl run from this JVM reads the same DRBD
            Files.writeString(bin.resolve("drbdsetup"), new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceFirst("\n", "\n: \"\\${FAKE_DIR:=" + fake + "}\"\n"));
        }
        bin.resolve("drbdsetup").toFile().setExecutable(true);
        Path shim = tmp.resolve("reactord-shim");
        InstallUnits.install(sd.unitDir(), shim);
        Files.writeString(sd.unitDir().resolve(SERVICE),
                "[Service]\nExecStart=/bin/sleep infinity\n");
        sd.setEnvironment(Map.of("PATH", bin + ":/usr/sbin:/usr/bin:/sbin:/bin", "FAKE_DIR", fake.toString()));
        sd.daemonReload();
        socket = tmp.resolve("run/reactord.sock");
        Files.createDirectories(tmp.resolve("d"));
        Files.writeString(tmp.resolve("reactord.toml"), String.join("\n",
                "snippets = \"" + tmp.resolve("d") + "\"",
                "drbdsetup = \"" + bin.resolve("drbdsetup") + "\"",
                "unit-dir = \"" + sd.unitDir() + "\"",
                "state-dir = \"" + tmp.resolve("state") + "\"",
                "socket = \"" + socket + "\"",
                "statistics-poll-interval = 1",
                "[[promoter]]",
                "[promoter.resources.r0]",
                "start = [\"" + SERVICE + "\"]",
                "adjust-resource-on-start = false",
                "sleep-before-promote-factor = 0",
                ""));
        agentLog = tmp.resolve("agent.log");
    }

    @AfterEach
    void tearDown() {
        if (agent != null && agent.isAlive()) {
            agent.destroyForcibly();
        }
        if (sd != null) {
            sd.close();
        }
    }

    private void startAgent() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), "io.reactord.agent.ReactordMain",
                "-c", tmp.resolve("reactord.toml").toString(), "--hostname", "alpha",
                "--shim", tmp.resolve("reactord-shim").toString(), "--drbdadm", "/nonexistent/drbdadm"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(agentLog.toFile()));
        pb.environment().putAll(sd.env());
        pb.environment().put("FAKE_DIR", fake.toString());
        pb.environment().put("REACTORCTL_SYSTEMCTL", "systemctl --user"); // the status report's unit states
        agent = pb.start();
        await("agent ready", Duration.ofSeconds(120), () -> status().path("ready").asBoolean(false));
    }

    private String classpath() throws IOException {
        if (privateClasspath == null) {
            privateClasspath = RealDaemon.privateClasspath(tmp);
        }
        return privateClasspath;
    }

    private JsonNode status() {
        try {
            return ControlClient.call(socket, ControlClient.request("status"));
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private String active(String unit) {
        return sd.systemctl("is-active", unit).stdout().strip();
    }

    private String prop(String unit, String p) {
        return sd.systemctl("show", "-p", p, "--value", unit).stdout().strip();
    }

    private void set(String file, String value) throws IOException {
        Files.writeString(fake.resolve(file), value + "\n");
    }

    private void update() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(tmp.resolve("bin/drbdsetup").toString(), "fake-update").redirectErrorStream(true);
        pb.environment().put("FAKE_DIR", fake.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    private void await(String what, Duration d, BooleanSupplier cond) {
        long deadline = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < deadline) {
            if (cond.getAsBoolean()) {
                return;
            }
            if (agent != null && !agent.isAlive()) {
                throw new AssertionError(what + ": the agent exited with " + agent.exitValue() + "\n" + log());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("timed out waiting for " + what + "\n" + log());
    }

    private String log() {
        try {
            return Files.readString(agentLog, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no agent log)";
        }
    }

    @Test
    void daemon_promoteRestartStreamLossQuorumLoss_behavesSafely() throws Exception {
        set("role", "Secondary");
        set("may_promote", "no");
        startAgent();
        assertEquals("inactive", active(TARGET));

        // may_promote yes: the target promotes (fake drbdsetup primary) and starts the service
        set("may_promote", "yes");
        update();
        await("service active", Duration.ofSeconds(120), () -> "active".equals(active(SERVICE)) && "active".equals(active(TARGET)));
        await("agent ACTIVE", Duration.ofSeconds(120), () -> "ACTIVE".equals(status().path("resources").path(0).path("state").asText()));
        assertEquals("Primary", Files.readString(fake.resolve("role")).strip());
        String since = prop(SERVICE, "ActiveEnterTimestampMonotonic");
        String pid = prop(SERVICE, "MainPID");

        // agent kill -9 and restart: adopted, no unit restarts
        agent.destroyForcibly();
        agent.waitFor(10, TimeUnit.SECONDS);
        startAgent();
        await("agent ACTIVE after restart", Duration.ofSeconds(120),
                () -> "ACTIVE".equals(status().path("resources").path(0).path("state").asText()));
        assertEquals(since, prop(SERVICE, "ActiveEnterTimestampMonotonic"), "service restarted after agent restart");
        assertEquals(pid, prop(SERVICE, "MainPID"));

        // events2 child killed: restarted, full re-read, no actions
        // (the fake is a script plus a tail child; the real drbdsetup is one process: kill both)
        List<String> kill = new ArrayList<>(List.of("kill", "-9"));
        kill.addAll(List.of(Files.readString(fake.resolve("events2.pid")).strip().split(" ")));
        new ProcessBuilder(kill).start().waitFor(5, TimeUnit.SECONDS);
        // until the new stream's dump is read (1 s backoff, then the dump) the daemon does not know who runs it
        JsonNode lost = null;
        for (long end = System.nanoTime() + 20_000_000_000L; lost == null && System.nanoTime() < end; Thread.sleep(10)) {
            JsonNode st = status();
            if (!st.path("events2").path("dump_complete").asBoolean(true)) {
                lost = st;
            }
        }
        assertTrue(lost != null, "the stream loss was never seen in the status");
        assertTrue(lost.path("resources").path(0).path("active_on").isNull(), lost.toString());
        await("events2 restarted", Duration.ofSeconds(120), () -> status().path("events2").path("restarts").asLong() >= 1
                && status().path("events2").path("dump_complete").asBoolean());
        // the new dump is handed over with the target's state (read after the dump): then the decision is made
        await("adopted again", Duration.ofSeconds(120), () -> "alpha".equals(status().path("resources").path(0).path("active_on").asText()));
        assertEquals("ACTIVE", status().path("resources").path(0).path("state").asText());
        assertEquals(List.of("start " + TARGET), unitCommands(), "no unit command after the events2 restart");
        assertEquals(since, prop(SERVICE, "ActiveEnterTimestampMonotonic"), "service restarted after events2 restart");
        assertEquals("active", active(TARGET));

        // quorum loss while Primary: services stop and the promote unit demotes through the shim
        set("quorum", "no");
        set("may_promote", "no");
        update();
        await("service stopped", Duration.ofSeconds(120), () -> !"active".equals(active(SERVICE)) && !"active".equals(active(TARGET)));
        await("demoted", Duration.ofSeconds(120), () -> {
            try {
                return Files.readString(fake.resolve("role")).strip().equals("Secondary");
            } catch (IOException e) {
                return false;
            }
        });
        String calls = Files.readString(fake.resolve("calls"));
        assertEquals(1, calls.lines().filter(l -> l.startsWith("primary")).count(), "exactly one promotion: " + calls);

        // journal through the daemon: settled, after exactly one stop (a stale "active" read after the stop
        // job would take the promoter back to ACTIVE and stop a second time)
        await("why: not running here", Duration.ofSeconds(120), () -> why().path("answer").asText().contains("not running here"));
        assertTrue(why().path("ok").asBoolean());
        assertEquals(List.of("start " + TARGET, "stop " + TARGET), unitCommands(), "one start, one stop");

        // SIGTERM: clean exit, services untouched (they are stopped anyway here)
        new ProcessBuilder("kill", "-TERM", String.valueOf(agent.pid())).start().waitFor(5, TimeUnit.SECONDS);
        assertTrue(agent.waitFor(30, TimeUnit.SECONDS), "agent did not exit on SIGTERM\n" + log());
        assertEquals(0, agent.exitValue(), log());
    }

    private JsonNode why() {
        try {
            return ControlClient.call(socket, ControlClient.request("why").put("resource", "r0"));
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** The start and stop commands in the daemon's journal of r0, oldest first. */
    private List<String> unitCommands() throws IOException {
        JsonNode j = ControlClient.call(socket, ControlClient.request("journal").put("resource", "r0").put("limit", 1000));
        assertTrue(j.path("ok").asBoolean(), j.toString());
        List<String> out = new ArrayList<>();
        for (JsonNode r : j.path("records")) {
            for (JsonNode c : r.path("commands")) {
                if (c.asText().startsWith("start ") || c.asText().startsWith("stop ")) {
                    out.add(c.asText());
                }
            }
        }
        return out;
    }

    /** {@code reactorctl status} answered by the daemon: stdout, stderr and the exit code, or exit -1 (full command). */
    private String[] quickStatus(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = QuickStatus.run(args, new java.io.PrintStream(o, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(e, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(rc), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void report_daemonUp_statusRenderedByTheDaemon() throws Exception {
        set("role", "Secondary");
        set("may_promote", "yes");
        startAgent();
        await("service active", Duration.ofSeconds(120), () -> "active".equals(active(SERVICE)) && "active".equals(active(TARGET)));
        await("agent ACTIVE", Duration.ofSeconds(120), () -> "ACTIVE".equals(status().path("resources").path(0).path("state").asText()));
        String main = tmp.resolve("reactord.toml").toString();

        String[] text = quickStatus("status", "-c", main);
        assertEquals("0", text[0], text[2]);
        assertTrue(text[1].startsWith(main + ":\nPromoter: Resource r0 currently active on this node\n"
                + "● drbd-services@r0.target\n● ├─ drbd-promote@r0.service\n● └─ " + SERVICE + "\n"
                + "  DRBD: Primary, quorum yes, may promote no"), text[1]);
        assertTrue(text[1].contains("  Promoter state: ACTIVE (target active)"), text[1]);
        assertEquals("", text[2]);

        String[] json = quickStatus("-c", main, "status", "--json", "r0");
        assertEquals("0", json[0], json[2]);
        assertTrue(json[1].contains("\"daemon\":{\"running\":true,\"note\":null}"), json[1]);
        assertTrue(json[1].contains("\"active_on\":\"this node\""), json[1]);
        // drbd-reactorctl's schema first, reactord's report under its own member
        assertTrue(json[1].startsWith("{\"promoter\":[{\"drbd_resource\":\"r0\",\"path\":\"" + main + "\",\"enabled\":true,"
                + "\"primary_on\":\""), json[1]);
        assertTrue(json[1].contains("\"target\":{\"name\":\"drbd-services@r0.target\",\"status\":\"active\","), json[1]);
        assertTrue(json[1].contains("\"prometheus\":[],\"debugger\":[],\"umh\":[],\"agentx\":[],\"reactord\":{"), json[1]);

        // the launcher's archive-writing run also gathers the report itself, printing nothing more
        System.setProperty("reactorctl.cds-training", "true");
        try {
            String[] trained = quickStatus("status", "-c", main);
            assertEquals("0", trained[0], trained[2]);
            assertEquals(text[1].replaceAll("[0-9]+ (ms|s) ago", "T"), trained[1].replaceAll("[0-9]+ (ms|s) ago", "T"));
            assertEquals("", trained[2]);
        } finally {
            System.clearProperty("reactorctl.cds-training");
        }

        String[] unknown = quickStatus("status", "-c", main, "nosuch");
        assertEquals("3", unknown[0]);
        assertTrue(unknown[2].contains("no snippet or promoter resource named 'nosuch'"), unknown[2]);

        // another main file naming the same socket: this daemon does not report for it, reactorctl gathers it
        Path other = tmp.resolve("other.toml");
        Files.writeString(other, "socket = \"" + socket + "\"\n");
        JsonNode refused = ControlClient.call(socket, ControlClient.request("report").put("config", other.toString()));
        assertTrue(refused.path("error").asText().contains("this reactord runs with " + main), refused.toString());
        String[] local = quickStatus("status", "-c", other.toString());
        assertEquals("0", local[0], local[2]);
        assertTrue(!local[1].contains("r0"), local[1]);
        // forms the quick path does not take
        assertEquals("-1", quickStatus("status", "-c", main, "-r", "r0")[0]);
        assertEquals("-1", quickStatus("ls", "-c", main)[0]);

        // hostile names on the real daemon's socket: refused with the rule's message, nothing acts, it keeps running
        for (String cmd : List.of("why", "evict", "disable", "enable", "move", "resource", "journal")) {
            JsonNode r = ControlClient.call(socket, ControlClient.request(cmd).put("resource", "r0;touch${IFS}PWNED;:").put("to", "beta"));
            assertEquals("resource name 'r0;touch${IFS}PWNED;:' contains ';'; resource names may contain only letters, digits"
                    + " and _ . + -", r.path("error").asText(), cmd);
        }
        JsonNode badTo = ControlClient.call(socket, ControlClient.request("move").put("resource", "r0").put("to", "-oProxyCommand=x"));
        assertEquals("\"to\": node name '-oProxyCommand=x' must not start with '-'", badTo.path("error").asText());
        assertEquals("ACTIVE", status().path("resources").path(0).path("state").asText(), log());
        assertEquals("active", active(TARGET));
    }

    @Test
    void report_unitsInEveryState_sameBytesAsReactorctlGathersItself() throws Exception {
        Path u = sd.unitDir();
        Files.writeString(u.resolve("e2e-a.service"), "[Service]\nExecStart=/bin/sleep infinity\n");
        Files.writeString(u.resolve("e2e-f.service"), "[Service]\nType=oneshot\nExecStart=/bin/false\n");
        Files.writeString(u.resolve("e2e-i.service"), "[Service]\nExecStart=/bin/sleep infinity\n");
        Files.writeString(u.resolve("e2e-m.service"), "[Service]\nExecStart=/bin/sleep infinity\n");
        set("role", "Secondary");
        set("may_promote", "yes");
        startAgent();
        await("service active", Duration.ofSeconds(120), () -> "active".equals(active(SERVICE)) && "active".equals(active(TARGET)));
        await("agent ACTIVE", Duration.ofSeconds(120), () -> "ACTIVE".equals(status().path("resources").path(0).path("state").asText()));
        // r1 is new to the files (the daemon was not reloaded, so no drop-ins tie its units to a promote unit)
        // and not in DRBD: its units are in these states by hand
        Files.writeString(tmp.resolve("d/r1.toml"), "[[promoter]]\n[promoter.resources.r1]\nstart = [\"e2e-a.service\", "
                + "\"e2e-f.service\", \"e2e-i.service\", \"e2e-m.service\", \"e2e-gone.service\"]\n");
        sd.systemctl("start", "e2e-a.service").orThrow();
        sd.systemctl("start", "e2e-f.service"); // fails on purpose
        sd.systemctl("mask", "--runtime", "e2e-m.service").orThrow();
        boolean frozen = sd.systemctl("freeze", "e2e-a.service").exitCode() == 0;
        String main = tmp.resolve("reactord.toml").toString();
        io.reactord.systemd.Systemctl systemctl = new io.reactord.systemd.Systemctl(List.of("systemctl", "--user"),
                sd.env(), 30_000);

        for (List<String> form : List.<List<String>>of(List.of(), List.of("--json"), List.of("r1"))) {
            com.fasterxml.jackson.databind.node.ObjectNode req = ControlClient.request("report").put("config", main)
                    .put("json", form.contains("--json"));
            if (form.contains("r1")) {
                req.putArray("files").add("r1");
            }
            JsonNode answer = ControlClient.call(socket, req);
            assertTrue(answer.path("ok").asBoolean(), answer.toString());
            String[] daemon = {answer.path("exit").asText(), answer.path("stdout").asText(), answer.path("stderr").asText()};
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            int rc = io.reactord.ctl.status.LocalStatus.run(Path.of(main), form.contains("r1") ? List.of("r1") : List.of(),
                    List.of(), false, form.contains("--json"), systemctl, io.reactord.agent.control.status.Terminal.plain(),
                    new java.io.PrintStream(o, true, StandardCharsets.UTF_8), new java.io.PrintStream(e, true, StandardCharsets.UTF_8));
            assertEquals(String.valueOf(rc), daemon[0], form + " " + daemon[2]);
            // the time in the promoter state is the only thing that may differ between the two
            assertEquals(o.toString(StandardCharsets.UTF_8).replaceAll("\"in_state_ms\":\\d+", "T"),
                    daemon[1].replaceAll("\"in_state_ms\":\\d+", "T"), form.toString());
            assertEquals(e.toString(StandardCharsets.UTF_8), daemon[2], form.toString());
        }
        String text = quickStatus("status", "-c", main, "r1")[1];
        assertTrue(text.contains("● ├─ e2e-a.service" + (frozen ? " (frozen)" : "") + "\n× ├─ e2e-f.service\n○ ├─ e2e-i.service\n"
                + "○ ├─ e2e-m.service (masked)\n○ └─ e2e-gone.service (not found)\n"), text);
        String verbose = quickStatus("status", "-c", main, "-v", "r1")[1];
        assertTrue(verbose.contains("e2e-f.service [failed/failed, result exit-code]"), verbose);
    }

    private List<String> managed() {
        List<String> names = new ArrayList<>();
        status().path("resources").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    @Test
    void config_brokenSnippet_othersManagedAndItsOldSettingsKeptOnReload() throws Exception {
        Files.writeString(tmp.resolve("d/broken.toml"), "[[promoter]]\n[promoter.resources.\"r0;x\"]\nstart = []\n");
        Files.writeString(tmp.resolve("d/r1.toml"), "[[promoter]]\n[promoter.resources.r1]\nstart = [\"r1.service\"]\n"
                + "adjust-resource-on-start = false\n");
        startAgent();
        assertEquals(List.of("r0", "r1"), managed(), log());
        assertTrue(log().contains("broken.toml:2: resource name 'r0;x' contains ';'"), log());

        Files.writeString(tmp.resolve("d/r1.toml"), "[[promoter]]\n[promoter.resources.r1]\nstart = [\"r1.service\"\n");
        new ProcessBuilder("kill", "-HUP", String.valueOf(agent.pid())).start().waitFor(5, TimeUnit.SECONDS);
        await("reload with a broken edit", Duration.ofSeconds(20),
                () -> log().contains("file(s) rejected, their previous configuration stays in force"));
        assertTrue(agent.isAlive());
        assertEquals(List.of("r0", "r1"), managed(), "r1 keeps its previous settings\n" + log());
    }
}
