package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.agent.control.status.Terminal;
import io.reactord.config.HostInfo;
import io.reactord.systemd.harness.PrivateSystemd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Golden output of {@code reactorctl status}, text and JSON, against a private real systemd with units in
 * every state (active, inactive, failed, masked; frozen where the cgroup layout allows), with and without
 * a daemon answering on the control socket.
 */
final class StatusGoldenTest {
    @TempDir
    static Path tmp;
    static PrivateSystemd sd;
    static CtlFixture fx;
    static boolean frozen;

    @BeforeAll
    static void start() throws IOException {
        PrivateSystemd.assumeSystemdOrFail();
        sd = PrivateSystemd.start(tmp.resolve("sd"));
        Path u = sd.unitDir();
        Files.writeString(u.resolve("drbd-services@.target"), "[Unit]\nDescription=services of %I\n");
        Files.writeString(u.resolve("drbd-promote@.service"), "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
        Files.writeString(u.resolve("a.service"), "[Service]\nExecStart=/bin/sleep 600\n");
        Files.writeString(u.resolve("f.service"), "[Service]\nType=oneshot\nExecStart=/bin/false\n");
        Files.writeString(u.resolve("i.service"), "[Service]\nExecStart=/bin/sleep 600\n");
        Files.writeString(u.resolve("m.service"), "[Service]\nExecStart=/bin/sleep 600\n");
        sd.daemonReload();
        sd.systemctl("start", "drbd-services@db.target", "drbd-promote@db.service", "a.service").orThrow();
        sd.systemctl("start", "f.service"); // fails on purpose
        sd.systemctl("mask", "--runtime", "m.service").orThrow();
        frozen = sd.systemctl("freeze", "a.service").exitCode() == 0;

        fx = new CtlFixture(tmp.resolve("cfg"));
        fx.snippet("db.toml", "[[promoter]]\n[promoter.resources.db]\nstart = [\"a.service\", \"f.service\", \"i.service\", \"m.service\"]\n");
        fx.snippet("web.toml.disabled", "[[promoter]]\n[promoter.resources.web]\nstart = [\"w.service\"]\n");
        fx.events2(
                "exists resource name:db role:Primary suspended:no may_promote:no promotion_score:10102",
                "exists connection name:db peer-node-id:1 conn-name:beta connection:Connected role:Secondary",
                "exists device name:db volume:0 minor:0 disk:UpToDate client:no quorum:yes",
                "exists peer-device name:db peer-node-id:1 conn-name:beta volume:0 replication:Established peer-disk:UpToDate",
                "exists resource name:web role:Primary suspended:no may_promote:no",
                "exists device name:web volume:0 minor:1 disk:UpToDate client:no quorum:yes",
                "exists -");
    }

    @AfterAll
    static void stop() {
        if (sd != null) {
            sd.close();
        }
    }

    private static CtlFixture.Io run(String... args) {
        StatusCommand c = new StatusCommand();
        CtlFixture.Io io = new CtlFixture.Io();
        c.systemctl = CtlFixture.systemctl(sd);
        c.terminal = Terminal.plain();
        c.out = io.o;
        c.err = io.e;
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = fx.main.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int rc = new CommandLine(c).execute(all);
        assertEquals(0, rc, io.err());
        return io;
    }

    private static String dbUnits() {
        return "● drbd-services@db.target\n"
                + "● ├─ drbd-promote@db.service\n"
                + "● ├─ a.service" + (frozen ? " (frozen)" : "") + "\n"
                + "× ├─ f.service\n"
                + "○ ├─ i.service\n"
                + "○ └─ m.service (masked)\n";
    }

    @Test
    void status_daemonDown_printsDrbdReactorShapeAndClusterView() {
        CtlFixture.Io io = run();
        String d = fx.snippets.toString();
        assertEquals(d + "/db.toml:\n"
                + "Promoter: Resource db currently active on this node\n"
                + dbUnits()
                + "  DRBD: Primary, quorum yes, may promote no, disk 0:UpToDate\n"
                + "  peer beta (node-id 1): Secondary, Connected, disk 0:UpToDate\n"
                + "  Promoter state: unknown (reactord not running)\n"
                + "  Masked: m.service (clear with: systemctl unmask --runtime m.service)\n"
                + d + "/web.toml.disabled: (disabled)\n"
                + "Promoter: Resource web (disabled) currently active on this node\n"
                + "○ drbd-services@web.target\n"
                + "○ ├─ drbd-promote@web.service\n"
                + "○ └─ w.service (not found)\n"
                + "WARN: snippet disabled, but web is DRBD Primary on this node: its services run unsupervised\n"
                + "  DRBD: Primary, quorum yes, may promote no, disk 0:UpToDate\n"
                + "  Promoter state: unknown (reactord not running)\n", io.out());
        assertEquals("NOTE: reactord is not running; status from systemd, the configuration and drbdsetup\n", io.err());
    }

    @Test
    void status_jsonDaemonDown_carriesUnitsDrbdAndNote() {
        CtlFixture.Io io = run("--json", "-r", "db");
        String node = HostInfo.detect().hostname();
        String d = fx.snippets.toString();
        String freezer = frozen ? "frozen" : "running";
        String fz = frozen ? "frozen" : "running";
        assertEquals("{\"promoter\":[{\"drbd_resource\":\"db\",\"path\":\"" + d + "/db.toml\",\"enabled\":true,"
                + "\"primary_on\":\"" + node + "\",\"target\":" + dep("drbd-services@db.target", "active", "running")
                + ",\"dependencies\":[" + dep("drbd-promote@db.service", "active", "running") + "," + dep("a.service", "active", fz)
                + "," + dep("f.service", "failed", "running") + "," + dep("i.service", "inactive", "running") + ","
                + dep("m.service", "inactive", "running") + "],\"status\":\"active\"}],"
                + "\"prometheus\":[],\"debugger\":[],\"umh\":[],\"agentx\":[],"
                + "\"reactord\":{\"node\":\"" + node + "\",\"daemon\":{\"running\":false,\"note\":\"reactord is not running\"},"
                + "\"snippets\":[{\"file\":\"" + d + "/db.toml\",\"disabled\":false,\"errors\":[],\"resources\":[{\"name\":\"db\","
                + "\"active_on\":\"this node\",\"active_node\":\"" + node + "\",\"units\":["
                + unit("drbd-services@db.target", "●", "loaded", "active", "active", "running", false, null) + ","
                + unit("drbd-promote@db.service", "●", "loaded", "active", "exited", "running", false, "success") + ","
                + unit("a.service", "●", "loaded", "active", "running", freezer, false, "success") + ","
                + unit("f.service", "×", "loaded", "failed", "failed", "running", false, "exit-code") + ","
                + unit("i.service", "○", "loaded", "inactive", "dead", "running", false, "success") + ","
                + unit("m.service", "○", "masked", "inactive", "dead", "running", true, "success") + "],"
                + "\"unsupported\":[],\"drbd\":{\"role\":\"Primary\",\"quorum\":true,\"may_promote\":false,\"suspended\":[],"
                + "\"disks\":[\"0:UpToDate\"],\"peers\":[{\"name\":\"beta\",\"node_id\":1,\"role\":\"Secondary\","
                + "\"connection\":\"Connected\",\"disks\":[\"0:UpToDate\"],\"replication\":[\"0:Established\"]}]},"
                + "\"promoter\":null,\"masked\":[\"m.service\"],\"journal\":[],\"warnings\":[]}]}],\"warnings\":[],\"plugins\":[]}}\n",
                io.out());
    }

    private static String dep(String u, String active, String freezer) {
        return "{\"name\":\"" + u + "\",\"status\":\"" + active + "\",\"freezer\":\"" + freezer + "\"}";
    }

    private static String unit(String u, String sym, String load, String active, String sub, String freezer, boolean masked, String result) {
        return "{\"unit\":\"" + u + "\",\"symbol\":\"" + sym + "\",\"load_state\":\"" + load + "\",\"active_state\":\"" + active
                + "\",\"sub_state\":\"" + sub + "\",\"freezer_state\":\"" + freezer + "\",\"masked\":" + masked + ",\"result\":"
                + (result == null ? "null" : "\"" + result + "\"") + "}";
    }

    @Test
    void status_daemonUp_showsPromoterStateAndJournal() throws IOException {
        String status = "{\"ok\":true,\"node\":\"alpha\",\"ready\":true,\"resources\":[{\"name\":\"db\",\"state\":\"PENDING\","
                + "\"reason\":\"promotable\",\"failures\":1,\"max_failures\":5,\"next_action_in_ms\":2500,\"move_to\":\"beta\"}]}";
        String journal = "{\"ok\":true,\"records\":[{\"time\":\"2026-11-25T01:02:03Z\",\"resource\":\"db\",\"from\":\"IDLE\","
                + "\"to\":\"PENDING\",\"input\":\"events2 change\",\"reason\":\"may_promote yes\"}]}";
        try (FakeDaemon daemon = new FakeDaemon(fx.socket, req -> req.contains("\"journal\"") ? journal : status)) {
            CtlFixture.Io io = run("-v", "db");
            assertTrue(io.out().contains("  Promoter state: PENDING (promotable), next action in 2.5 s, failures 1/5, moving to beta\n"), io.out());
            assertTrue(io.out().contains("  Journal:\n    2026-11-25T01:02:03Z IDLE -> PENDING events2 change (may_promote yes)\n"), io.out());
            assertTrue(io.out().contains("× ├─ f.service [failed/failed, result exit-code]\n"), io.out());
            assertEquals("", io.err());
            assertEquals(List.of("{\"cmd\":\"status\"}", "{\"cmd\":\"journal\",\"resource\":\"db\",\"limit\":10}"), daemon.requests);
            CtlFixture.Io json = run("--json", "db");
            assertTrue(json.out().contains("\"daemon\":{\"running\":true,\"note\":null}"), json.out());
            assertTrue(json.out().contains("\"promoter\":{\"name\":\"db\",\"state\":\"PENDING\",\"reason\":\"promotable\",\"failures\":1,"), json.out());
        }
    }

    @Test
    void status_unknownResource_exitsNotFound() {
        StatusCommand c = new StatusCommand();
        CtlFixture.Io io = new CtlFixture.Io();
        c.systemctl = CtlFixture.systemctl(sd);
        c.terminal = Terminal.plain();
        c.out = io.o;
        c.err = io.e;
        assertEquals(ExitCodes.NOT_FOUND, new CommandLine(c).execute("-c", fx.main.toString(), "nosuch"));
        assertTrue(io.err().contains("no snippet or promoter resource named 'nosuch'"), io.err());
    }
}
