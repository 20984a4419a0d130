package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class InstallUnitsTest {

    @TempDir
    Path dir;

    @Test
    void install_emptyDir_writesUnitsWithShimPathAndExecutableShim() throws IOException {
        Path shim = dir.resolve("lib/reactord-shim");
        List<InstallUnits.Installed> out = InstallUnits.install(dir, shim);
        assertEquals(UnitTemplates.UNITS.size() + 2, out.size());
        assertTrue(Files.isExecutable(UnitTemplates.ocfWrapper(shim)));
        assertTrue(out.stream().allMatch(InstallUnits.Installed::written));
        assertTrue(Files.isExecutable(shim));
        String promote = Files.readString(dir.resolve("drbd-promote@.service"));
        assertTrue(promote.contains("ExecCondition=" + shim + " primary\n"), promote);
        for (String unit : UnitTemplates.UNITS) {
            assertFalse(Files.readString(dir.resolve(unit)).contains(UnitTemplates.SHIM_TOKEN), unit);
        }
    }

    @Test
    void install_again_leavesIdenticalFilesAlone() throws IOException {
        Path shim = dir.resolve("reactord-shim");
        InstallUnits.install(dir, shim);
        Files.writeString(dir.resolve("reactord.service"), "changed by hand\n");
        List<InstallUnits.Installed> again = InstallUnits.install(dir, shim);
        assertEquals(List.of(dir.resolve("reactord.service")),
                again.stream().filter(InstallUnits.Installed::written).map(InstallUnits.Installed::file).toList());
    }

    @Test
    void install_relativeOrOddShimPath_rejected() {
        assertThrows(IllegalArgumentException.class, () -> InstallUnits.install(dir, Path.of("/a b/shim")));
        assertThrows(IllegalArgumentException.class, () -> InstallUnits.install(dir, Path.of("/a%i/shim")));
    }

    @Test
    void raw_unknownTemplate_rejected() {
        assertThrows(IllegalArgumentException.class, () -> UnitTemplates.raw("../../etc/passwd"));
    }
}
