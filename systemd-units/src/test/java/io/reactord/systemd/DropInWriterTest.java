package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DropInWriterTest {
    private static final Path SHIM = Path.of("/opt/r/reactord-shim");

    @TempDir
    Path root;

    private final DropInWriter writer = new DropInWriter(SHIM);

    private static UnitPlan plan(String res, String... units) {
        return new UnitPlan(res, List.of(units), "Requires", "Requires", "reboot-force", true);
    }

    @Test
    void write_linstorPlan_writesTargetPromoteDemoteAndEachUnit() throws IOException {
        Path dir = root.resolve("system");
        DropInWriter.Result r = writer.write(dir, List.of(plan("linstor_db", "var-lib-linstor.mount",
                "linstor-controller.service")));
        assertEquals(5, r.written().size());
        assertTrue(r.changed());

        String target = read(dir, "drbd-services@linstor_db.target");
        assertTrue(target.startsWith(DropIns.HEADER + "\n"), target);
        assertTrue(target.contains("Requires=var-lib-linstor.mount\nAfter=var-lib-linstor.mount\n"), target);
        assertTrue(target.contains("Requires=linstor-controller.service\n"), target);
        assertTrue(target.contains("Before=reactord.service\n"), target);

        String mount = read(dir, "var-lib-linstor.mount");
        assertTrue(mount.contains("PartOf=drbd-services@linstor_db.target\n"), mount);
        assertTrue(mount.contains("BindsTo=drbd-promote@linstor_db.service\nAfter=drbd-promote@linstor_db.service\n"));
        assertTrue(mount.contains("DefaultDependencies=no\n"), mount);

        String svc = read(dir, "linstor-controller.service");
        assertTrue(svc.contains("Requires=var-lib-linstor.mount\nAfter=var-lib-linstor.mount\n"), svc);
        assertFalse(svc.contains("DefaultDependencies"), svc);

        String promote = read(dir, "drbd-promote@linstor_db.service");
        assertTrue(promote.contains("OnFailure=drbd-demote-or-escalate@%i.service\n"), promote);
        assertTrue(promote.contains("ExecStop=\nExecStop=/opt/r/reactord-shim secondary-secondary-force\n"), promote);
        assertTrue(promote.contains("ExecCondition=\nExecCondition=/opt/r/reactord-shim primary\n"), promote);
        assertTrue(promote.contains("Environment=REACTORD_INSTANCE=%i REACTORD_SHIM_STATE=%t/reactord-shim\n"), promote);

        String escalate = read(dir, "drbd-demote-or-escalate@linstor_db.service");
        assertTrue(escalate.contains("FailureAction=reboot-force\n"), escalate);
        assertTrue(escalate.contains("Conflicts=drbd-promote@%i.service\n"), escalate);
        assertTrue(escalate.contains("RefuseManualStart=yes\nRefuseManualStop=yes\n"), escalate);
        assertTrue(escalate.contains("TimeoutSec=60\n"), escalate);
        assertTrue(escalate.contains("ExecStart=\nExecStart=/opt/r/reactord-shim secondary-secondary-force-or-escalate\n"),
                escalate);
    }

    @Test
    void write_dependencyKinds_usedForChainAndTarget() throws IOException {
        UnitPlan p = new UnitPlan("r", List.of("a.service", "b.service"), "Wants", "BindsTo", "none", false);
        writer.write(root, List.of(p));
        assertTrue(read(root, "b.service").contains("Wants=a.service\nAfter=a.service\n"));
        assertTrue(read(root, "drbd-services@r.target").contains("BindsTo=a.service\n"));
        assertTrue(read(root, "drbd-promote@r.service").contains("ExecStop=/opt/r/reactord-shim secondary\n"),
                "no --force without secondary-force");
        assertTrue(read(root, "drbd-demote-or-escalate@r.service")
                .contains("ExecStart=/opt/r/reactord-shim secondary-or-escalate\n"));
    }

    @Test
    void write_sameAgain_changesNothing() throws IOException {
        List<UnitPlan> plans = List.of(plan("r0", "a.service"));
        writer.write(root, plans);
        long before = Files.getLastModifiedTime(root.resolve("a.service.d/reactor.conf")).toMillis();
        DropInWriter.Result again = writer.write(root, plans);
        assertFalse(again.changed());
        assertEquals(4, again.unchanged().size());
        assertEquals(before, Files.getLastModifiedTime(root.resolve("a.service.d/reactor.conf")).toMillis());
    }

    @Test
    void write_resourceRemoved_removesOnlyOwnStaleFiles() throws IOException {
        writer.write(root, List.of(plan("r0", "a.service"), plan("r1", "b.service")));
        Files.createDirectories(root.resolve("c.service.d"));
        Files.writeString(root.resolve("c.service.d/reactor.conf"), "[Unit]\n# someone else's\n");
        Files.writeString(root.resolve("b.service.d/override.conf"), "[Unit]\n");

        DropInWriter.Result r = writer.write(root, List.of(plan("r0", "a.service")));

        assertEquals(Set.of("b.service.d", "drbd-services@r1.target.d", "drbd-promote@r1.service.d",
                "drbd-demote-or-escalate@r1.service.d"),
                r.removed().stream().map(p -> p.getParent().getFileName().toString()).collect(Collectors.toSet()));
        assertTrue(Files.exists(root.resolve("c.service.d/reactor.conf")), "foreign file kept");
        assertTrue(Files.exists(root.resolve("b.service.d/override.conf")), "foreign drop-in kept");
        assertFalse(Files.exists(root.resolve("drbd-services@r1.target.d")), "emptied directory removed");
        assertTrue(Files.exists(root.resolve("a.service.d/reactor.conf")));
    }

    @Test
    void write_hostileResourceNames_stayInsideUnitDir() throws IOException {
        Path dir = root.resolve("unit-dir");
        List<String> names = List.of("..", ".", "x\\..\\y", "%i$x", "日本", "-x", "${HOME}");
        for (String n : names) {
            writer.write(dir, List.of(plan(n, "a.service")));
        }
        for (String n : List.of("../../etc", "/", "/etc/passwd", "a/../../b")) {
            assertThrows(IllegalArgumentException.class, () -> plan(n, "a.service"), "DRBD forbids '/': " + n);
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                assertTrue(p.equals(root) || p.startsWith(dir), "outside unit dir: " + p);
                if (Files.isRegularFile(p)) {
                    assertEquals(dir, p.getParent().getParent(), "not <dir>/<unit>.d/reactor.conf: " + p);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> writer.write(dir, List.of(plan("a\0b", "a.service"))));
        assertThrows(IllegalArgumentException.class, () -> writer.write(dir, List.of(plan("x".repeat(4000), "a.service"))));
        assertThrows(IllegalArgumentException.class, () -> writer.write(dir, List.of(plan("r", "../a.service"))));
        assertThrows(IllegalArgumentException.class, () -> writer.write(dir, List.of(plan("r", "a/b.service"))));
        assertThrows(IllegalArgumentException.class, () -> writer.write(dir, List.of(plan("r", "x".repeat(252) + ".service"))));
    }

    @Test
    void write_unitClaimedByTwoResources_rejectedBeforeWriting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.write(root.resolve("d"), List.of(plan("r0", "a.service"), plan("r1", "a.service"))));
        assertTrue(e.getMessage().contains("a.service"), e.getMessage());
        assertFalse(Files.exists(root.resolve("d")));
    }

    @Test
    void write_noTempFilesLeft() throws IOException {
        writer.write(root, List.of(plan("r0", "a.service", "b.mount")));
        try (Stream<Path> all = Files.walk(root)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void dropIns_instanceUnitsUseSpecifiers_notTheRawName() {
        var m = DropIns.render(plan("we\"ird$%", "a.service"), SHIM);
        String promote = m.get(SystemdNames.promoteService("we\"ird$%"));
        assertFalse(promote.contains("we\"ird"), promote);
    }

    private static String read(Path dir, String unit) throws IOException {
        return Files.readString(dir.resolve(unit + ".d").resolve(DropInWriter.FILE_NAME));
    }
}
