package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadSnippets_everyExample_isValid() {
        for (String name : Fixtures.EXAMPLES) {
            LoadResult r = Fixtures.snippet(dir, name, Fixtures.example(name));
            assertTrue(r.errors().isEmpty(), name + ":\n" + Fixtures.all(r.errors()));
            assertNotNull(r.config(), name);
        }
    }

    @Test
    void load_mainWithSnippetsDirectory_readsAllFilesInNameOrder() {
        Path snippets = dir.resolve("reactord.d");
        for (String name : Fixtures.EXAMPLES) Fixtures.write(snippets, name, Fixtures.example(name));
        Path main = Fixtures.write(dir, "reactord.toml",
                "snippets = \"" + snippets + "\"\n" + Fixtures.example("main.toml"));

        LoadResult r = Fixtures.LOADER.loadMain(main);

        assertTrue(r.errors().isEmpty(), Fixtures.all(r.errors()));
        ReactordConfig c = r.config();
        assertEquals(main, c.mainFile());
        assertEquals(snippets, c.snippetsDir());
        assertEquals(Duration.ofSeconds(45), c.statisticsPollInterval());
        assertEquals(List.of(new LogConfig("debug", null), new LogConfig("warn", Path.of("/var/log/reactord.log"))), c.logs());
        // agentx, debugger, promoter-all-keys, promoter-minimal, promoter-ocf, promoter-shell, promoter-table-form
        assertEquals(List.of("linstor_db", "r0", "iscsi", "web", "foo"), List.copyOf(c.resources().keySet()));
        assertEquals(snippets.resolve("promoter-minimal.toml"), c.resources().get("r0").source());
        assertEquals(2, c.resources().get("r0").line());
        assertEquals(1, c.umh().size());
        assertEquals(List.of(new PrometheusConfig("0.0.0.0:9942", true)), c.prometheus());
        assertEquals(1, c.debugger().size());
    }

    @Test
    void load_mainWithoutKeys_hasDefaults() {
        Path main = Fixtures.write(dir, "reactord.toml", "# nothing\nsnippets = \"" + dir.resolve("none") + "\"\n");
        LoadResult r = Fixtures.LOADER.loadMain(main);
        ReactordConfig c = r.config();
        assertNotNull(c, Fixtures.all(r.errors()));
        assertEquals(Duration.ofSeconds(60), c.statisticsPollInterval());
        assertEquals(Duration.ZERO, c.snippetsMonitoringInterval());
        assertEquals(List.of(LogConfig.DEFAULT), c.logs());
        assertEquals("drbdsetup", c.drbdsetup());
        assertEquals(Path.of("/run/systemd/system"), c.unitDir());
        assertEquals(Path.of("/var/lib/reactord"), c.stateDir());
        assertEquals(Path.of("/run/reactord/reactord.sock"), c.socket());
        assertTrue(c.resources().isEmpty());
        // an explicitly named snippets directory that does not exist is worth a warning
        assertEquals(1, r.warnings().size(), Fixtures.all(r.warnings()));
        assertTrue(r.warnings().get(0).message().contains("does not exist"));
    }

    @Test
    void load_ourMainKeys_areRead() {
        Path main = Fixtures.write(dir, "reactord.toml", String.join("\n",
                "snippets = \"snips\"",
                "statistics-poll-interval = \"2m\"",
                "snippets-monitoring-interval = 10",
                "drbdsetup = \"/opt/drbd/sbin/drbdsetup\"",
                "unit-dir = \"/tmp/units\"",
                "state-dir = \"/tmp/state\"",
                "socket = \"/tmp/r.sock\"", ""));
        ReactordConfig c = Fixtures.LOADER.loadMain(main).config();
        assertNotNull(c);
        assertEquals(dir.resolve("snips"), c.snippetsDir());
        assertEquals(Duration.ofMinutes(2), c.statisticsPollInterval());
        assertEquals(Duration.ofSeconds(10), c.snippetsMonitoringInterval());
        assertEquals("/opt/drbd/sbin/drbdsetup", c.drbdsetup());
        assertEquals(Path.of("/tmp/units"), c.unitDir());
        assertEquals(Path.of("/tmp/state"), c.stateDir());
        assertEquals(Path.of("/tmp/r.sock"), c.socket());
    }

    @Test
    void loadSnippets_minimalPromoter_hasEveryDefault() {
        PromoterResource r = Fixtures.snippet(dir, "m.toml", Fixtures.example("promoter-minimal.toml"))
                .config().resources().get("r0");
        assertEquals("r0", r.name());
        assertEquals(List.of("mnt-r0.mount", "r0.service"), r.start());
        assertEquals(List.of(), r.stop());
        assertEquals(List.of("r0.service", "mnt-r0.mount"), r.effectiveStop());
        assertEquals(Runner.SYSTEMD, r.runner());
        assertEquals(DependencyKind.REQUIRES, r.dependenciesAs());
        assertEquals(DependencyKind.REQUIRES, r.targetAs());
        assertEquals(FailureAction.NONE, r.onDrbdDemoteFailure());
        assertTrue(r.secondaryForce());
        assertEquals(false, r.stopServicesOnExit());
        assertEquals(1.0, r.sleepBeforePromoteFactor());
        assertEquals(List.of(), r.preferredNodes());
        assertEquals(PreferredNodesPolicy.ALWAYS, r.preferredNodesPolicy());
        assertEquals(QuorumLossPolicy.SHUTDOWN, r.onQuorumLoss());
        assertEquals(DiskDetachPolicy.IGNORE, r.onDiskDetach());
        assertEquals(Duration.ofSeconds(5), r.fencingPromoteDelay());
        assertTrue(r.adjustResourceOnStart());
        assertEquals(5, r.maxFailures());
        assertEquals(Duration.ofMinutes(10), r.failureWindow());
    }

    @Test
    void loadSnippets_allKeys_areRead() {
        LoadResult res = Fixtures.snippet(dir, "all.toml", Fixtures.example("promoter-all-keys.toml"));
        PromoterResource r = res.config().resources().get("linstor_db");
        assertEquals(DependencyKind.BINDS_TO, r.targetAs());
        assertEquals("BindsTo", r.targetAs().unitKey());
        assertEquals(FailureAction.REBOOT_IMMEDIATE, r.onDrbdDemoteFailure());
        assertEquals("reboot-immediate", r.onDrbdDemoteFailure().systemdValue());
        assertEquals(2.0, r.sleepBeforePromoteFactor());
        assertEquals(List.of("alpha", "beta"), r.preferredNodes());
        assertEquals(PreferredNodesPolicy.START_ONLY, r.preferredNodesPolicy());
        assertEquals(QuorumLossPolicy.FREEZE, r.onQuorumLoss());
        assertEquals(DiskDetachPolicy.FAIL_OVER, r.onDiskDetach());
        assertEquals(Duration.ofSeconds(7), r.fencingPromoteDelay());
        assertEquals(false, r.adjustResourceOnStart());
        assertEquals(3, r.maxFailures());
        assertEquals(Duration.ofMinutes(15), r.failureWindow());
        assertEquals(Duration.ofMinutes(2), r.startTimeout());
        assertEquals(Duration.ofSeconds(45), r.failBackTimeout());
        assertEquals(Duration.ofSeconds(3), r.startSettle());
        assertEquals(5, r.line());
        // deprecated keys: id and on-stop-failure warn, naming their lines
        String w = Fixtures.all(res.warnings());
        assertTrue(w.contains("all.toml:3: 'id'"), w);
        assertTrue(w.contains("all.toml:12: 'on-stop-failure'"), w);
        assertTrue(w.contains("on-drbd-demote-failure"), w);
    }

    @Test
    void loadSnippets_umhExample_buildsRulesWithFilters() {
        UmhConfig u = Fixtures.snippet(dir, "u.toml", Fixtures.example("umh.toml")).config().umh().get(0);
        assertEquals(2, u.resource().size());
        UmhRule first = u.resource().get(0);
        assertEquals("resource now primary", first.name());
        assertEquals(new Filter(Filter.Op.NOT_EQUALS, "Primary"), first.old().get("role"));
        assertEquals(new Filter(Filter.Op.EQUALS, "Primary"), first.neu().get("role"));
        assertEquals(new Filter(Filter.Op.EQUALS, "foo"), first.filters().get("resource-name"));
        assertEquals(new Filter(Filter.Op.EQUALS, "Change"), first.filters().get("event-type"));
        UmhRule dotted = u.resource().get(1);
        assertEquals(new Filter(Filter.Op.NOT_EQUALS, "Primary"), dotted.old().get("role"));
        assertEquals(new Filter(Filter.Op.EQUALS, "false"), dotted.neu().get("may-promote"));
        assertEquals(Map.of("FOO", "bar", "LEVEL", "2"), dotted.env());
        assertTrue(dotted.timeout().isEmpty());
        UmhRule device = u.device().get(0);
        assertEquals(new Filter(Filter.Op.EQUALS, "0"), device.filters().get("volume"));
        assertEquals(new Filter(Filter.Op.NOT_EQUALS, "UpToDate"), device.neu().get("disk-state"));
        UmhRule peer = u.peerdevice().get(0);
        assertEquals(new Filter(Filter.Op.NOT_EQUALS, "1"), peer.filters().get("volume"));
        assertEquals(Duration.ofSeconds(30), peer.timeout().orElseThrow());
        assertEquals(UmhRule.Kind.CONNECTION, u.connection().get(0).kind());
        assertTrue(u.connection().get(0).neu().get("connection-state").matches("Connecting"));
        assertEquals(false, u.connection().get(0).neu().get("connection-state").matches("Connected"));
    }

    @Test
    void loadSnippets_prometheusWithoutKeys_hasDefaults() {
        LoadResult r = Fixtures.snippet(dir, "p.toml", "[[prometheus]]\n");
        assertEquals(List.of(new PrometheusConfig(":9942", false)), r.config().prometheus());
    }

    @Test
    void loadSnippets_agentx_isAcceptedWithWarning() {
        LoadResult r = Fixtures.snippet(dir, "a.toml", Fixtures.example("agentx.toml"));
        assertNotNull(r.config());
        assertTrue(Fixtures.all(r.warnings()).contains("a.toml:1: the agentx (SNMP) plugin is not supported"));
    }

    @Test
    void loadSnippets_shellRunner_keepsCommands() {
        PromoterResource r = Fixtures.snippet(dir, "s.toml", Fixtures.example("promoter-shell.toml")).config()
                .resources().get("web");
        assertEquals(Runner.SHELL, r.runner());
        assertEquals(List.of("echo stopping", "/usr/local/bin/stop-web.sh"), r.effectiveStop());
    }

    @Test
    void load_missingMainFile_isErrorNotException() {
        LoadResult r = Fixtures.LOADER.loadMain(dir.resolve("absent.toml"));
        assertNull(r.config());
        assertEquals(dir.resolve("absent.toml") + ":0: file not found", r.errors().get(0).toString());
    }

    @Test
    void load_staticEntryPoints_detectHost() {
        Path f = Fixtures.write(dir, "p.toml", "[[prometheus]]\n");
        assertNotNull(ConfigLoader.loadSnippets(List.of(f)).config());
        Path main = Fixtures.write(dir, "main.toml", "snippets = \"" + dir.resolve("d") + "\"\n");
        assertNotNull(ConfigLoader.load(main).config());
    }
}
