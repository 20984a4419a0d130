package io.reactord.ctl.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.agent.status.DrbdSnapshot;
import io.reactord.config.ConfigLoader;
import io.reactord.config.PromoterResource;
import io.reactord.events2.ResourceInfo;
import io.reactord.systemd.UnitState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DoctorTest {
    @TempDir
    Path dir;

    private Map<String, PromoterResource> resources(String extra) throws IOException {
        Path f = dir.resolve("db.toml");
        Files.writeString(f, "[[promoter]]\n[promoter.resources.db]\nstart = [\"a.service\"]\n" + extra);
        return ConfigLoader.loadSnippets(List.of(f)).config().resources();
    }

    private static Map<String, UnitState> healthyUnits() {
        Map<String, UnitState> m = new LinkedHashMap<>();
        for (String u : List.of("drbd-services@db.target", "drbd-promote@db.service", "a.service")) {
            m.put(u, new UnitState(u, "loaded", "active", "running", "running", "static", "success"));
        }
        return m;
    }

    private static Map<String, ResourceInfo> drbd(String... lines) {
        List<String> all = new ArrayList<>(List.of(lines));
        all.add("exists -");
        return DrbdSnapshot.of(all).state().resources();
    }

    private static final String[] HEALTHY = {
        "exists resource name:db role:Primary suspended:no may_promote:no",
        "exists connection name:db peer-node-id:1 conn-name:beta connection:Connected role:Secondary",
        "exists device name:db volume:0 minor:0 disk:UpToDate client:no quorum:yes",
        "exists peer-device name:db peer-node-id:1 conn-name:beta volume:0 replication:Established peer-disk:UpToDate"};

    private static final String GOOD_OPTIONS = "resource db {\n    options {\n        auto-promote no;\n        quorum majority;\n"
            + "        on-no-quorum io-error;\n    }\n}\n";

    private List<Finding> check(Map<String, UnitState> units, Map<String, ResourceInfo> drbd, String show, boolean daemon) throws IOException {
        Map<String, PromoterResource> rs = resources("");
        return Doctor.check(new Doctor.Inputs(daemon, daemon, List.of(), rs, Map.of("db", dir.resolve("db.toml")), units, drbd, null,
                show == null ? Map.of() : Map.of("db", show)));
    }

    @Test
    void check_healthy_noFindings() throws IOException {
        assertEquals(List.of(), check(healthyUnits(), drbd(HEALTHY), GOOD_OPTIONS, true));
    }

    @Test
    void check_drbdReactorActiveOrEnabled_findingWithTheWayOut() throws IOException {
        Map<String, UnitState> units = healthyUnits();
        units.put(Doctor.DRBD_REACTOR, new UnitState(Doctor.DRBD_REACTOR, "loaded", "active", "running", "running", "enabled",
                "success"));
        List<Finding> active = check(units, drbd(HEALTHY), GOOD_OPTIONS, true);
        assertEquals(1, active.size(), active.toString());
        assertTrue(active.get(0).problem().contains("drbd-reactor.service is active"), active.toString());
        assertTrue(active.get(0).fix().startsWith("systemctl disable --now drbd-reactor.service"), active.toString());
        units.put(Doctor.DRBD_REACTOR, new UnitState(Doctor.DRBD_REACTOR, "loaded", "inactive", "dead", "running", "enabled",
                "success"));
        List<Finding> enabled = check(units, drbd(HEALTHY), GOOD_OPTIONS, true);
        assertEquals(1, enabled.size(), enabled.toString());
        assertEquals("systemctl disable drbd-reactor.service", enabled.get(0).fix());
        for (String[] quiet : new String[][] {{"loaded", "inactive", "disabled"}, {"not-found", "inactive", ""}}) {
            units.put(Doctor.DRBD_REACTOR, new UnitState(Doctor.DRBD_REACTOR, quiet[0], quiet[1], "dead", "", quiet[2], ""));
            assertEquals(List.of(), check(units, drbd(HEALTHY), GOOD_OPTIONS, true), String.join(",", quiet));
        }
    }

    @Test
    void check_hostWithoutSystemdOrDrbdUtils_adviceFitsTheHost() throws IOException {
        Map<String, PromoterResource> rs = resources("");
        Doctor.Inputs in = new Doctor.Inputs(false, false, List.of(), rs, Map.of("db", dir.resolve("db.toml")), healthyUnits(),
                Map.of(), "drbdsetup: not found", Map.of());
        List<Finding> bare = Doctor.check(in, new Doctor.Host(false, false));
        assertEquals(2, bare.size(), bare.toString());
        for (Finding f : bare) {
            assertTrue(!f.fix().contains("systemctl") && !f.fix().contains("drbdadm"), f.toString());
        }
        assertTrue(bare.get(0).fix().contains("does not run systemd"), bare.toString());
        assertTrue(bare.get(1).fix().startsWith("install drbd-utils"), bare.toString());
        List<Finding> node = Doctor.check(in, Doctor.Host.NODE);
        assertTrue(node.get(0).fix().startsWith("systemctl start reactord.service"), node.toString());
        assertEquals("drbdadm status", node.get(1).fix());
    }

    @Test
    void check_daemonDown_saysHowToStartIt() throws IOException {
        List<Finding> f = check(healthyUnits(), drbd(HEALTHY), GOOD_OPTIONS, false);
        assertEquals(1, f.size());
        assertTrue(f.get(0).fix().startsWith("systemctl start reactord.service"), f.toString());
    }

    @Test
    void check_maskedAndFailedUnits_reportedWithCommands() throws IOException {
        Map<String, UnitState> u = healthyUnits();
        u.put("drbd-services@db.target", new UnitState("drbd-services@db.target", "masked", "inactive", "dead", "", "masked-runtime", ""));
        u.put("a.service", new UnitState("a.service", "loaded", "failed", "failed", "running", "static", "exit-code"));
        List<Finding> f = check(u, drbd(HEALTHY), GOOD_OPTIONS, true);
        assertEquals(2, f.size(), f.toString());
        assertEquals("reactorctl evict --unmask db.toml", f.get(0).fix());
        assertEquals("a.service has failed (exit-code)", f.get(1).problem());
    }

    @Test
    void check_stuckConnectionsSuspendedIoQuorumLost_reported() throws IOException {
        List<Finding> f = check(healthyUnits(), drbd(
                "exists resource name:db role:Secondary suspended:quorum may_promote:no",
                "exists connection name:db peer-node-id:1 conn-name:beta connection:StandAlone role:Unknown",
                "exists connection name:db peer-node-id:2 conn-name:gamma connection:Connecting role:Unknown",
                "exists device name:db volume:0 minor:0 disk:Outdated client:no quorum:no"), GOOD_OPTIONS, true);
        String all = f.toString();
        assertTrue(all.contains("I/O is suspended (quorum)"), all);
        assertTrue(all.contains("lost quorum"), all);
        assertTrue(all.contains("StandAlone"), all);
        assertTrue(all.contains("Connecting"), all);
        assertTrue(all.contains("no node with UpToDate data"), all);
        assertEquals(5, f.size(), all);
    }

    @Test
    void check_missingResource_saysDrbdadmUp() throws IOException {
        List<Finding> f = check(healthyUnits(), drbd(), GOOD_OPTIONS, true);
        assertEquals("drbdadm up db", f.get(0).fix());
    }

    @Test
    void options_defaultsAndAutoPromote_flagged() throws IOException {
        List<Finding> f = check(healthyUnits(), drbd(HEALTHY), "resource db {\n    options {\n        auto-promote yes;\n    }\n}\n", true);
        String all = f.toString();
        assertTrue(all.contains("auto-promote yes"), all);
        assertTrue(all.contains("quorum off"), all);
        assertEquals(2, f.size(), all);
    }

    @Test
    void options_freezeWithoutSuspendIo_flagged() throws IOException {
        Map<String, PromoterResource> rs = resources("on-quorum-loss = \"freeze\"\n");
        List<Finding> out = new ArrayList<>();
        Doctor.options(rs.get("db"), GOOD_OPTIONS, out);
        assertEquals(1, out.size());
        assertTrue(out.get(0).problem().contains("needs DRBD on-no-quorum suspend-io"), out.toString());
    }

    @Test
    void check_dropInDrift_reportedOnlyWhenDifferentOrMissingWhileActive() throws IOException {
        Map<String, PromoterResource> rs = resources("");
        Map<String, ResourceInfo> d = drbd(HEALTHY);
        Map<String, Path> files = Map.of("db", dir.resolve("db.toml"));
        Doctor.Inputs same = new Doctor.Inputs(true, true, List.of(), rs, files, healthyUnits(), d, null, Map.of("db", GOOD_OPTIONS),
                Map.of("db", "X"), Map.of("db", "X"));
        assertEquals(List.of(), Doctor.check(same));
        Doctor.Inputs differs = new Doctor.Inputs(true, true, List.of(), rs, files, healthyUnits(), d, null, Map.of("db", GOOD_OPTIONS),
                Map.of("db", "old"), Map.of("db", "X"));
        assertEquals("systemctl reload reactord.service", Doctor.check(differs).get(0).fix());
        Doctor.Inputs missing = new Doctor.Inputs(true, true, List.of(), rs, files, healthyUnits(), d, null, Map.of("db", GOOD_OPTIONS),
                Map.of(), Map.of("db", "X"));
        assertTrue(Doctor.check(missing).get(0).problem().contains("without reactord's drop-in"), Doctor.check(missing).toString());
    }

    @Test
    void worldWritableSnippetsDirectory_isAFindingWithTheChmodFix() throws IOException {
        Path snippets = Files.createDirectories(dir.resolve("dirs/reactord.d"));
        Files.setPosixFilePermissions(snippets, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(snippets.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path main = snippets.getParent().resolve("main.toml");
        Files.writeString(main, "snippets = \"" + snippets + "\"\n");
        Files.setPosixFilePermissions(main, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        List<Finding> f = Doctor.directoryFindings(ConfigLoader.withHost("alpha", false).loadMain(main).warnings());
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).problem().startsWith(snippets + ": snippets directory is world-writable (rwxrwxrwx)"), f.get(0).problem());
        assertEquals("chmod 0755 " + snippets, f.get(0).fix());
        Files.setPosixFilePermissions(snippets, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(Doctor.directoryFindings(ConfigLoader.withHost("alpha", false).loadMain(main).warnings()).isEmpty());
    }
}
