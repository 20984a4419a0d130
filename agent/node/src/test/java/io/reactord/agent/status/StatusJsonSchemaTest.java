package io.reactord.agent.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reactord.agent.control.ControlChannel;
import io.reactord.agent.control.status.Terminal;
import io.reactord.agent.files.ConfigFiles;
import io.reactord.config.HostInfo;
import io.reactord.systemd.UnitState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status --json} against drbd-reactorctl's schema: the members and value types of its {@code Status},
 * {@code PromoterStatus}, {@code SystemdUnit}, {@code PrometheusStatus}, {@code DebuggerStatus}, {@code UMHStatus}
 * and {@code AgentXStatus} (drbd-reactor's src/bin/drbd-reactorctl.rs), with the daemon down and up; and the
 * text lines of those plugins.
 */
final class StatusJsonSchemaTest {
    /** drbd-reactorctl's members per object, each with its JSON type. */
    static final Map<String, String> TOP = schema("promoter", "array", "prometheus", "array", "debugger", "array",
            "umh", "array", "agentx", "array");
    static final Map<String, String> PROMOTER = schema("drbd_resource", "string", "path", "string", "enabled", "boolean",
            "primary_on", "string", "target", "object", "dependencies", "array", "status", "string");
    static final Map<String, String> UNIT = schema("name", "string", "status", "string", "freezer", "string");
    static final Map<String, String> PROMETHEUS = schema("path", "string", "enabled", "boolean", "address", "string",
            "status", "string");
    static final Map<String, String> PLAIN = schema("path", "string", "enabled", "boolean", "status", "string");
    static final Map<String, String> AGENTX = PROMETHEUS;
    /** systemd's ActiveState and FreezerState values, the only strings drbd-reactorctl emits there. */
    static final Set<String> ACTIVE_STATES = Set.of("active", "reloading", "inactive", "failed", "activating",
            "deactivating", "maintenance");
    static final Set<String> FREEZER_STATES = Set.of("running", "freezing", "frozen", "thawing", "unknown");

    @TempDir
    Path tmp;

    @Test
    void json_daemonDown_matchesDrbdReactorctlSchema() throws IOException {
        JsonNode j = render(null);
        checkSchema(j);
        JsonNode db = j.path("promoter").path(0);
        assertEquals("db", db.path("drbd_resource").asText());
        assertEquals(HostInfo.detect().hostname(), db.path("primary_on").asText(), "this node is Primary: its name, as uname -n");
        assertEquals("drbd-services@db.target", db.path("target").path("name").asText());
        assertEquals("active", db.path("status").asText());
        assertEquals("drbd-promote@db.service", db.path("dependencies").path(0).path("name").asText());
        assertEquals("frozen", db.path("dependencies").path(1).path("freezer").asText());
        assertEquals("unknown", db.path("dependencies").path(2).path("freezer").asText(), "no FreezerState reported");
        JsonNode web = j.path("promoter").path(2);
        assertFalse(web.path("enabled").asBoolean(true), web.toString());
        assertEquals("beta", web.path("primary_on").asText(), "a peer is Primary: its connection name");
        JsonNode nothing = j.path("promoter").path(1);
        assertEquals("unknown", nothing.path("primary_on").asText(), "nobody Primary");
        assertEquals(":9942", j.path("prometheus").path(0).path("address").asText(), "drbd-reactor's default address");
        assertEquals("inactive", j.path("prometheus").path(0).path("status").asText(), "reactord is down");
        assertEquals("10.0.0.1:705", j.path("agentx").path(0).path("address").asText());
        assertFalse(j.path("reactord").path("daemon").path("running").asBoolean(true));
    }

    @Test
    void json_daemonUp_matchesSchemaAndKeepsReactordsReportUnderItsOwnKey() throws IOException {
        JsonNode j = render(new FakeChannel());
        checkSchema(j);
        assertEquals("active", j.path("prometheus").path(0).path("status").asText(), j.toString());
        assertEquals("active", j.path("umh").path(0).path("status").asText());
        assertEquals("active", j.path("debugger").path(0).path("status").asText());
        assertEquals("inactive", j.path("agentx").path(0).path("status").asText(), "reactord has no agentx plugin");
        JsonNode reactord = j.path("reactord");
        assertTrue(reactord.path("daemon").path("running").asBoolean(), reactord.toString());
        assertEquals(HostInfo.detect().hostname(), reactord.path("node").asText());
        JsonNode res = reactord.path("snippets").path(0).path("resources").path(0);
        assertEquals("db", res.path("name").asText());
        assertEquals("ACTIVE", res.path("promoter").path("state").asText(), "the daemon's promoter state");
        assertEquals("this node", res.path("active_on").asText());
        assertEquals("Primary", res.path("drbd").path("role").asText());
        JsonNode agentx = reactord.path("plugins").path(reactord.path("plugins").size() - 1);
        assertEquals("agentx", agentx.path("kind").asText(), reactord.toString());
        assertEquals("not supported by reactord", agentx.path("not_running").asText());
    }

    /** Every object has exactly drbd-reactorctl's members, each of its type; reactord's data only under {@code reactord}. */
    static void checkSchema(JsonNode j) {
        Map<String, String> top = new LinkedHashMap<>(TOP);
        top.put("reactord", "object");
        members("status", j, top);
        for (JsonNode p : j.path("promoter")) {
            members("promoter", p, PROMOTER);
            members("target", p.path("target"), UNIT);
            assertTrue(ACTIVE_STATES.contains(p.path("status").asText()), p.toString());
            List<JsonNode> units = new ArrayList<>();
            units.add(p.path("target"));
            p.path("dependencies").forEach(units::add);
            for (JsonNode u : units) {
                members("unit", u, UNIT);
                assertTrue(ACTIVE_STATES.contains(u.path("status").asText()), u.toString());
                assertTrue(FREEZER_STATES.contains(u.path("freezer").asText()), u.toString());
            }
        }
        j.path("prometheus").forEach(p -> members("prometheus", p, PROMETHEUS));
        j.path("debugger").forEach(p -> members("debugger", p, PLAIN));
        j.path("umh").forEach(p -> members("umh", p, PLAIN));
        j.path("agentx").forEach(p -> members("agentx", p, AGENTX));
        for (String kind : List.of("prometheus", "debugger", "umh", "agentx")) {
            assertEquals(kind.equals("umh") ? 2 : 1, j.path(kind).size(), kind + ": " + j);
            j.path(kind).forEach(p -> assertTrue(Set.of("active", "inactive").contains(p.path("status").asText()), p.toString()));
        }
        assertEquals(3, j.path("promoter").size(), j.toString());
    }

    private static void members(String what, JsonNode n, Map<String, String> want) {
        assertTrue(n.isObject(), what + " is not an object: " + n);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertEquals(new ArrayList<>(want.keySet()), names, what + " members: " + n);
        want.forEach((k, type) -> assertEquals(type, n.get(k).getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                what + "." + k + " in " + n));
    }

    private static Map<String, String> schema(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void text_pluginTables_drbdReactorctlsLinesAfterThePromoters() throws IOException {
        String d = tmp.resolve("d").toString();
        String up = collect(new FakeChannel(), false).stdout();
        assertTrue(up.endsWith(d + "/metrics.toml:\nPrometheus: listening on :9942\n"
                + d + "/hooks.toml:\nDebugger: started\n"
                + d + "/hooks.toml:\nUMH: started\n"
                + d + "/off.toml.disabled:\nUMH (disabled): not started\n"
                + d + "/snmp.toml:\nAgentX: not supported by reactord; main agent at 10.0.0.1:705 ignored\n"), up);
        String down = collect(null, false).stdout();
        assertTrue(down.contains(d + "/metrics.toml:\nPrometheus: not listening on :9942 (reactord not running)\n"), down);
        assertTrue(down.contains(d + "/hooks.toml:\nUMH: not started (reactord not running)\n"), down);
    }

    @Test
    void textVerbose_prometheus_tcpConnectPerAddressAsDrbdReactorctl() throws IOException {
        try (java.net.ServerSocket listening = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
                java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int open = listening.getLocalPort();
            int shut = closed.getLocalPort();
            closed.close();
            String metrics = "[[prometheus]]\naddress = \"127.0.0.1:" + open + "\"\n[[prometheus]]\naddress = \"127.0.0.1:" + shut + "\"\n";
            String out = collect(new FakeChannel(), false, true, metrics).stdout();
            assertTrue(out.contains("Prometheus: listening on 127.0.0.1:" + open + "\nTCP Connect (127.0.0.1:" + open + "): success\n"), out);
            assertTrue(out.contains("Prometheus: listening on 127.0.0.1:" + shut + "\nTCP Connect (127.0.0.1:" + shut + "): failed ("), out);
            String json = collect(new FakeChannel(), true, true, metrics).stdout();
            assertTrue(json.contains("\"probes\":[\"TCP Connect (127.0.0.1:" + open + "): success\"]"), json);
            assertFalse(collect(new FakeChannel(), false, false, metrics).stdout().contains("TCP Connect"), "only with -v");
        }
    }

    @Test
    void text_brokenSnippet_pluginNotStartedSaysWhy() throws IOException {
        Files.createDirectories(tmp.resolve("d"));
        Files.writeString(tmp.resolve("d/bad.toml"), "[[prometheus]]\naddress = \":9943\"\nnosuchkey = 1\n");
        String up = collect(new FakeChannel(), false).stdout();
        assertTrue(up.contains("/bad.toml:\nPrometheus: not listening on :9943 (its file has errors)\n"), up);
    }

    private JsonNode render(ControlChannel daemon) throws IOException {
        return new ObjectMapper().readTree(collect(daemon, true).stdout());
    }

    private StatusRun.Output collect(ControlChannel daemon, boolean json) throws IOException {
        return collect(daemon, json, false, "[[prometheus]]\nenums = true\n");
    }

    private StatusRun.Output collect(ControlChannel daemon, boolean json, boolean verbose, String metrics) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("d"));
        Path main = tmp.resolve("main.toml");
        Files.writeString(main, "snippets = \"" + d + "\"\nsocket = \"" + tmp.resolve("ctl.sock") + "\"\n");
        Files.writeString(d.resolve("db.toml"), "[[promoter]]\n[promoter.resources.db]\nstart = [\"a.service\", \"b.service\"]\n");
        Files.writeString(d.resolve("metrics.toml"), metrics);
        Files.writeString(d.resolve("hooks.toml"), "[[umh]]\n[[umh.resource]]\ncommand = \"true\"\n\n[[debugger]]\n");
        Files.writeString(d.resolve("off.toml.disabled"), "[[umh]]\n");
        Files.writeString(d.resolve("snmp.toml"), "[[agentx]]\naddress = \"10.0.0.1:705\"\n");
        Files.writeString(d.resolve("none.toml"), "[[promoter]]\n[promoter.resources.none]\nstart = [\"n.service\"]\n");
        Files.writeString(d.resolve("web.toml.disabled"), "[[promoter]]\n[promoter.resources.web]\nstart = [\"w.service\"]\n");
        ConfigFiles cfg = ConfigFiles.load(main);
        DrbdSnapshot drbd = DrbdSnapshot.of(List.of(
                "exists resource name:db role:Primary suspended:no may_promote:no",
                "exists device name:db volume:0 minor:0 disk:UpToDate client:no quorum:yes",
                "exists resource name:web role:Secondary suspended:no may_promote:no",
                "exists connection name:web peer-node-id:1 conn-name:beta connection:Connected role:Primary",
                "exists resource name:none role:Secondary suspended:no may_promote:no",
                "exists -"));
        StatusCollector c = new StatusCollector(cfg, units -> {
            Map<String, UnitState> m = new LinkedHashMap<>();
            for (String u : units) {
                String freezer = u.equals("a.service") ? "frozen" : u.equals("b.service") ? "" : "running";
                boolean on = u.contains("@db") || u.equals("a.service");
                m.put(u, new UnitState(u, "loaded", on ? "active" : "inactive", on ? "running" : "dead", freezer, "", ""));
            }
            return m;
        }, () -> drbd, daemon == null ? null : DaemonState.over(daemon));
        StatusRun.Output o = StatusRun.run(c, List.of(), List.of(), verbose, json, Terminal.plain());
        assertEquals(0, o.exit(), o.stderr());
        return o;
    }

    /** A daemon that answers {@code status} with db ACTIVE. */
    private final class FakeChannel implements ControlChannel {
        @Override
        public Path socket() {
            return tmp.resolve("ctl.sock");
        }

        @Override
        public boolean socketExists() {
            return true;
        }

        @Override
        public JsonNode request(Map<String, ?> request) {
            try {
                return new ObjectMapper().readTree("{\"ok\":true,\"node\":\"alpha\",\"resources\":[{\"name\":\"db\","
                        + "\"state\":\"ACTIVE\",\"reason\":\"target active\"}]}");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
