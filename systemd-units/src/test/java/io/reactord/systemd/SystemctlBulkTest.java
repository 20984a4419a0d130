package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.harness.PrivateSystemd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Systemctl#show(List)} through busctl's ListUnitsByNames against a private real systemd with units
 * in every state: the same states as one {@code systemctl show} of every unit, and the fallback to that
 * show whenever busctl cannot answer for every unit.
 */
final class SystemctlBulkTest {
    @TempDir
    static Path tmp;
    static PrivateSystemd sd;
    static Systemctl sc;
    static boolean frozen;

    /** Every state: active, oneshot kept active, failed, stopped, masked, not found, targets, socket, timer, slice. */
    static final List<String> UNITS = List.of("t@db.target", "ra.service", "a.service", "f.service", "i.service", "m.service",
            "nf.service", "t@web.target", "nf.target", "x.socket", "x.timer", "nf.slice", "default.target", "a.service",
            "e.service", "mt.target");

    @BeforeAll
    static void start() throws IOException {
        PrivateSystemd.assumeSystemdOrFail();
        sd = PrivateSystemd.start(tmp.resolve("sd"));
        Path u = sd.unitDir();
        Files.writeString(u.resolve("t@.target"), "[Unit]\nDescription=services of %I\n");
        Files.writeString(u.resolve("ra.service"), "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
        Files.writeString(u.resolve("a.service"), "[Service]\nExecStart=/bin/sleep 600\n");
        Files.writeString(u.resolve("f.service"), "[Service]\nType=oneshot\nExecStart=/bin/false\n");
        Files.writeString(u.resolve("i.service"), "[Service]\nExecStart=/bin/sleep 600\n");
        Files.writeString(u.resolve("m.service"), "[Service]\nExecStart=/bin/sleep 600\n");
        Files.writeString(u.resolve("e.service"), "[Service]\nExecStart=/bin/sleep 600\n[Install]\nWantedBy=default.target\n");
        Files.writeString(u.resolve("mt.target"), "[Unit]\n");
        Files.writeString(u.resolve("x.socket"), "[Socket]\nListenStream=" + tmp.resolve("x.sock") + "\n");
        Files.writeString(u.resolve("x.timer"), "[Timer]\nOnActiveSec=1h\n");
        sd.daemonReload();
        sd.systemctl("start", "t@db.target", "ra.service", "a.service").orThrow();
        sd.systemctl("start", "f.service"); // fails on purpose
        sd.systemctl("mask", "--runtime", "m.service", "mt.target").orThrow();
        frozen = sd.systemctl("freeze", "a.service").exitCode() == 0; // not where the cgroup layout forbids it
        sc = new Systemctl(List.of("systemctl", "--user"), sd.env(), 30_000);
    }

    @AfterAll
    static void stop() {
        if (sd != null) {
            sd.close();
        }
    }

    /** The full show's states, with the unit file state of stopped loaded or missing units left empty. */
    private static Map<String, UnitState> expectedBulk(Map<String, UnitState> full) {
        Map<String, UnitState> out = new LinkedHashMap<>();
        full.forEach((u, s) -> out.put(u, "inactive".equals(s.activeState()) && !"masked".equals(s.loadState())
                ? new UnitState(s.unit(), s.loadState(), s.activeState(), s.subState(), s.freezerState(), "", s.result())
                : s));
        return out;
    }

    private static Path script(String name, String body) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void show_bulkEveryState_sameStatesAsFullShow() throws Exception {
        Map<String, UnitState> full = sc.show(UNITS, false);
        Map<String, UnitState> bulk = sc.show(UNITS, true);
        assertEquals(new ArrayList<>(full.keySet()), new ArrayList<>(bulk.keySet()));
        assertEquals(expectedBulk(full), bulk);
        for (String u : full.keySet()) {
            assertEquals(full.get(u).masked(), bulk.get(u).masked(), u);
        }
        assertEquals(UNITS.size() - 1, full.size()); // a.service is asked twice
        assertEquals("failed", bulk.get("f.service").activeState());
        assertEquals("exit-code", bulk.get("f.service").result());
        assertEquals("masked-runtime", bulk.get("m.service").unitFileState());
        assertTrue(bulk.get("mt.target").masked());
        assertEquals("not-found", bulk.get("nf.service").loadState());
        assertEquals("success", bulk.get("nf.service").result());
        assertEquals("success", bulk.get("x.socket").result());
        assertEquals("", bulk.get("t@web.target").result());
        assertEquals(frozen ? "frozen" : "running", bulk.get("a.service").freezerState());
        assertEquals("static", full.get("i.service").unitFileState()); // what the bulk read leaves empty
        assertEquals(bulk, sc.show(UNITS)); // more units than the threshold: the bulk read by default
    }

    @Test
    void show_bulk_callsBusctlOnceWithAllUnits() throws Exception {
        Path log = tmp.resolve("busctl.log");
        Path busctl = script("logging-busctl", "echo \"$*\" >> " + log + "\nexec busctl \"$@\"\n");
        Map<String, UnitState> bulk = sc.withBusctl(List.of(busctl.toString(), "--user")).show(UNITS, true);
        assertEquals(expectedBulk(sc.show(UNITS, false)), bulk);
        List<String> calls = Files.readAllLines(log);
        assertEquals(1, calls.size(), calls.toString());
        assertTrue(calls.get(0).contains("ListUnitsByNames as " + (UNITS.size() - 1) + " t@db.target "), calls.get(0));
    }

    @Test
    void show_invalidUnitName_fallsBackToFullShow() throws Exception {
        List<String> units = new ArrayList<>(UNITS);
        units.add("bad name.service");
        Map<String, UnitState> full = sc.show(units, false);
        assertEquals(full, sc.show(units, true));
        assertEquals("static", sc.show(units, true).get("i.service").unitFileState());
        assertEquals("not-found", full.get("bad name.service").loadState());
    }

    @Test
    void show_prefixNotSystemctl_fallsBackToFullShow() throws Exception {
        Systemctl wrapped = new Systemctl(List.of("env", "systemctl", "--user"), sd.env(), 30_000);
        assertEquals(sc.show(UNITS, false), wrapped.show(UNITS, true));
        Systemctl unknownOption = new Systemctl(List.of("systemctl", "--user", "--no-ask-password"), sd.env(), 30_000);
        assertEquals(sc.show(UNITS, false), unknownOption.show(UNITS, true));
    }

    @Test
    void show_busctlMissingFailingOrGarbled_fallsBackToFullShow() throws Exception {
        Map<String, UnitState> full = sc.show(UNITS, false);
        assertEquals("static", full.get("i.service").unitFileState());
        List<List<String>> busctls = List.of(
                List.of(tmp.resolve("no-such-dir/busctl").toString()),
                List.of(script("failing-busctl", "echo 'Failed to connect to bus' >&2\nexit 1\n").toString()),
                List.of(script("garbled-busctl", "echo '{\"type\":\"a(ssssssouso)\",\"data\":[[[\"a.service\"'\n").toString()),
                List.of(script("short-busctl", "echo '{\"type\":\"a(ssssssouso)\",\"data\":[[]]}'\n").toString()),
                List.of(script("other-type-busctl", "echo '{\"type\":\"as\",\"data\":[[]]}'\n").toString()));
        for (List<String> busctl : busctls) {
            assertEquals(full, sc.withBusctl(busctl).show(UNITS, true), busctl.toString());
        }
    }

    @Test
    void show_allStopped_bulkShowsOneProbeOnly() throws Exception {
        List<String> units = List.of("i.service", "nf.service", "t@web.target", "x.timer");
        Map<String, UnitState> full = sc.show(units, false);
        Map<String, UnitState> bulk = sc.show(units, true);
        Map<String, UnitState> expected = expectedBulk(full);
        expected.put("i.service", full.get("i.service")); // the probe is shown in full
        assertEquals(expected, bulk);
        assertEquals("static", bulk.get("i.service").unitFileState());
        assertEquals("", bulk.get("x.timer").unitFileState());
        assertFalse(bulk.get("x.timer").freezerState().isEmpty());
    }
}
