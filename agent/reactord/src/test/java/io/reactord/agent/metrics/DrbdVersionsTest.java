package io.reactord.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DrbdVersionsTest {
    private static final String OUTPUT = "DRBDADM_BUILDTAG=GIT-hash:\\ 0123abc\\ build\\ by\\ @host\n"
            + "DRBDADM_API_VERSION=2\nDRBD_KERNEL_VERSION_CODE=0x090208\nDRBD_KERNEL_VERSION=9.2.8\n"
            + "DRBDADM_VERSION_CODE=0x091b00\nDRBDADM_VERSION=9.27.0\n";

    @Test
    void parse_drbdadmVersionOutput_kmodAndUtils() {
        assertEquals(new DrbdVersions("9.2.8", "9.27.0"), DrbdVersions.parse(OUTPUT));
    }

    @Test
    void parse_noKernelModule_kmodZero() {
        assertEquals(new DrbdVersions("0.0.0", "9.27.0"), DrbdVersions.parse("DRBDADM_VERSION_CODE=0x091b00\n"));
        assertEquals(DrbdVersions.UNKNOWN, DrbdVersions.parse("garbage\nDRBD_KERNEL_VERSION_CODE=0xzz\n"));
        assertEquals(DrbdVersions.UNKNOWN, DrbdVersions.parse(null));
    }

    @Test
    void probe_realExecutable_readsItsOutput(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("drbdadm");
        Files.writeString(fake, "#!/bin/sh\n[ \"$1\" = --version ] || exit 2\ncat <<'X'\n" + OUTPUT + "X\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        assertEquals(new DrbdVersions("9.2.8", "9.27.0"), DrbdVersions.probe(fake.toString(), Duration.ofSeconds(10)));
    }

    @Test
    void probe_missingOrFailingOrHanging_unknown(@TempDir Path dir) throws Exception {
        assertEquals(DrbdVersions.UNKNOWN, DrbdVersions.probe(dir.resolve("nope").toString(), Duration.ofSeconds(5)));
        Path failing = dir.resolve("failing");
        Files.writeString(failing, "#!/bin/sh\necho DRBDADM_VERSION_CODE=0x091b00\nexit 20\n");
        Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
        assertEquals(DrbdVersions.UNKNOWN, DrbdVersions.probe(failing.toString(), Duration.ofSeconds(5)));
        Path hanging = dir.resolve("hanging");
        Files.writeString(hanging, "#!/bin/sh\nexec sleep 30\n");
        Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));
        assertEquals(DrbdVersions.UNKNOWN, DrbdVersions.probe(hanging.toString(), Duration.ofMillis(200)));
    }
}
