package io.reactord.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DebWriterTest {

    @TempDir
    Path tmp;

    private static final DebControl CONTROL = new DebControl("demo", "1.0~rc1", "Demo Maintainers <demo@example.org>",
            "bash", "admin", "optional", null, "demo package", "First paragraph.\n\nSecond paragraph.");

    private static List<DebEntry> entries() {
        return List.of(
                DebEntry.file("/usr/sbin/demo", 0755, "#!/bin/sh\necho demo\n".getBytes(StandardCharsets.UTF_8)),
                DebEntry.file("/etc/demo.conf", 0644, "a = 1\n".getBytes(StandardCharsets.UTF_8)),
                DebEntry.file("/usr/share/demo/big", 0644, new byte[2049]),
                DebEntry.dir("/etc/demo.d"));
    }

    private Path write(String name) throws Exception {
        Path out = tmp.resolve(name);
        DebWriter.write(out, CONTROL, entries(), Map.of("postinst", "#!/bin/sh\nset -e\nexit 0\n"),
                List.of("/etc/demo.conf"), 1_700_000_000L);
        return out;
    }

    @Test
    void write_smallPackage_membersInDpkgOrderAndRootOwnedEntries() throws Exception {
        DebArchive deb = DebArchive.read(write("demo.deb"));
        assertEquals(List.of("debian-binary", "control.tar.gz", "data.tar.gz"), deb.arMembers);
        assertEquals("2.0\n", new String(deb.ar.get("debian-binary"), StandardCharsets.US_ASCII));
        assertEquals(List.of("./", "./etc/", "./etc/demo.conf", "./etc/demo.d/", "./usr/", "./usr/sbin/",
                "./usr/sbin/demo", "./usr/share/", "./usr/share/demo/", "./usr/share/demo/big"), List.copyOf(deb.data.keySet()));
        for (DebArchive.Member m : deb.data.values()) {
            assertEquals(0, m.uid(), m.name());
            assertEquals("root", m.user(), m.name());
            assertEquals("root", m.group(), m.name());
        }
        assertEquals(0755, deb.file("/usr/sbin/demo").mode());
        assertEquals(0644, deb.file("/etc/demo.conf").mode());
        assertEquals(0755, deb.file("/etc/demo.d").mode());
        assertEquals(0755, deb.control.get("./postinst").mode());
        assertEquals("/etc/demo.conf\n", deb.controlText("conffiles"));
    }

    @Test
    void write_smallPackage_controlFieldsAndInstalledSizeByDpkgRule() throws Exception {
        Map<String, String> f = DebArchive.read(write("demo.deb")).fields();
        assertEquals("demo", f.get("Package"));
        assertEquals("1.0~rc1", f.get("Version"));
        assertEquals("all", f.get("Architecture"));
        // files 1 + 1 + 3 KiB, plus 1 KiB for each of the 6 directories (none for "./")
        assertEquals("11", f.get("Installed-Size"));
        assertEquals("demo package\n First paragraph.\n .\n Second paragraph.", f.get("Description"));
    }

    @Test
    void write_smallPackage_md5sumsListEveryFileButNoDirectory() throws Exception {
        String md5 = DebArchive.read(write("demo.deb")).controlText("md5sums");
        assertEquals(3, md5.lines().count());
        assertTrue(md5.contains("  usr/sbin/demo\n"), md5);
        assertTrue(md5.contains("  usr/share/demo/big\n"), md5);
    }

    @Test
    void write_smallPackage_dpkgDebAcceptsIt() throws Exception {
        Path deb = write("demo.deb");
        String info = Processes.ok(List.of("dpkg-deb", "--field", deb.toString(), "Package", "Version"));
        assertEquals("Package: demo\nVersion: 1.0~rc1\n", info);
        String list = Processes.ok(List.of("dpkg-deb", "--contents", deb.toString()));
        assertTrue(list.contains("-rwxr-xr-x root/root") && list.contains("./usr/sbin/demo"), list);
    }

    @Test
    void write_sameInputsTwice_identicalBytes() throws Exception {
        assertArrayEquals(Files.readAllBytes(write("a.deb")), Files.readAllBytes(write("b.deb")));
    }

    @Test
    void write_conffileNotInPackage_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DebWriter.write(
                tmp.resolve("x.deb"), CONTROL, entries(), Map.of(), List.of("/etc/other.conf"), 0));
        assertTrue(e.getMessage().contains("/etc/other.conf"), e.getMessage());
    }

    @Test
    void write_unknownScriptName_throws() {
        assertThrows(IllegalArgumentException.class, () -> DebWriter.write(
                tmp.resolve("x.deb"), CONTROL, entries(), Map.of("postinstall", "#!/bin/sh\n"), List.of(), 0));
    }

    @Test
    void withParents_samePathTwice_throws() {
        DebEntry f = DebEntry.file("/a/b", 0644, new byte[0]);
        assertThrows(IllegalArgumentException.class, () -> DebWriter.withParents(List.of(f, f)));
    }

    @Test
    void withParents_fileUsedAsDirectory_throws() {
        assertThrows(IllegalArgumentException.class, () -> DebWriter.withParents(List.of(
                DebEntry.file("/a", 0644, new byte[0]), DebEntry.file("/a/b", 0644, new byte[0]))));
    }

    @Test
    void entry_relativeOrEscapingPath_throws() {
        assertThrows(IllegalArgumentException.class, () -> DebEntry.file("usr/sbin/x", 0755, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> DebEntry.file("/usr/../etc/x", 0644, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> DebEntry.dir("/usr/"));
    }

    @Test
    void entry_modeWithTypeBits_throws() {
        assertThrows(IllegalArgumentException.class, () -> DebEntry.file("/x", 0100644, new byte[0]));
    }

    @Test
    void control_invalidFields_throw() {
        assertThrows(IllegalArgumentException.class, () -> new DebControl("Demo", "1", "A <a@b>", null, null, null, null, "d", null));
        assertThrows(IllegalArgumentException.class, () -> new DebControl("demo", "v1", "A <a@b>", null, null, null, null, "d", null));
        assertThrows(IllegalArgumentException.class, () -> new DebControl("demo", "1", "nobody", null, null, null, null, "d", null));
        assertThrows(IllegalArgumentException.class, () -> new DebControl("demo", "1", "A <a@b>", null, null, null, null, "two\nlines", null));
    }

    @Test
    void debianVersion_snapshot_sortsBeforeRelease() throws Exception {
        assertEquals("0.2.0~SNAPSHOT", DebControl.debianVersion("0.2.0-SNAPSHOT"));
        assertEquals(0, Processes.run(List.of("dpkg", "--compare-versions", "0.2.0~SNAPSHOT", "lt", "0.2.0")).exitCode());
    }
}
