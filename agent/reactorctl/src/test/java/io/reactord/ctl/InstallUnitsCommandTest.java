package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class InstallUnitsCommandTest extends CapturedCtl {

    @TempDir
    Path dir;

    @Test
    void installUnits_emptyDir_writesUnitsAndShimWithItsPath() throws IOException {
        assertEquals(ExitCodes.OK, run("install-units", "--dir", dir.toString()));
        Path shim = dir.toRealPath().resolve("reactord-shim");
        assertTrue(Files.isExecutable(shim));
        assertTrue(Files.readString(dir.resolve("drbd-promote@.service")).contains("ExecCondition=" + shim + " primary"));
        assertTrue(out.toString().contains("9 file(s) written"), out.toString());
    }

    @Test
    void installUnits_secondRun_leavesFilesAlone() {
        assertEquals(ExitCodes.OK, run("install-units", "--dir", dir.toString()));
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, run("install-units", "--dir", dir.toString()));
        assertTrue(!out.toString().contains("wrote"), out.toString());
        assertEquals(9, out.toString().lines().filter(l -> l.startsWith("unchanged ")).count(), out.toString());
    }

    @Test
    void installUnits_badShimPathOrNoDir_usageError() {
        assertEquals(ExitCodes.USAGE, run("install-units", "--dir", dir.toString(), "--shim", "/with space/shim"));
        assertTrue(err.toString().startsWith("install-units: shim path must be absolute"), err.toString());
        assertTrue(run("install-units") != ExitCodes.OK, "--dir is required");
    }

    @Test
    void installUnits_missingParent_refusedAndNothingCreated() {
        Path typo = dir.resolve("nonexistent/dir");
        assertEquals(ExitCodes.USAGE, run("install-units", "--dir", typo.toString()));
        assertTrue(err.toString().contains(dir.resolve("nonexistent") + " does not exist"), err.toString());
        assertTrue(!Files.exists(dir.resolve("nonexistent")), "the mistyped directory was created");
    }

    @Test
    void installUnits_reactordOfACheckout_execDropIn() throws IOException {
        Path exe = dir.resolve("checkout/bin/reactord");
        Files.createDirectories(exe.getParent());
        Files.writeString(exe, "#!/bin/sh\n");
        exe.toFile().setExecutable(true);
        Path units = dir.resolve("units");
        assertEquals(ExitCodes.OK, run("install-units", "--dir", units.toString(), "--reactord", exe.toString()), err.toString());
        String conf = Files.readString(units.resolve("reactord.service.d/exec.conf"));
        assertTrue(conf.contains("[Service]\nExecStart=\nExecStart=" + exe + "\n"), conf);
        assertEquals(exe.startsWith("/tmp"), conf.contains("PrivateTmp=no\n"), "a checkout below /tmp stays visible: " + conf);
        assertTrue(!out.toString().contains("note: reactord.service runs /usr/sbin/reactord"), out.toString());
        assertEquals(ExitCodes.USAGE, run("install-units", "--dir", units.toString(), "--reactord", dir.resolve("nope").toString()));
    }
}
