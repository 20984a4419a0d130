package io.reactord.systemd.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PrivateSystemdTest {

    @Test
    void start_twoManagersSideBySide_bothRunAndLeaveNoCgroupsBehind(@TempDir Path tmp) throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        List<Path> cgroupsSeen;
        try (PrivateSystemd a = PrivateSystemd.start(tmp.resolve("a"));
                PrivateSystemd b = PrivateSystemd.start(tmp.resolve("b"))) {
            assertTrue(a.isAlive() && b.isAlive());
            Files.writeString(a.unitDir().resolve("hello.service"),
                    "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
            a.daemonReload();
            a.setEnvironment(Map.of("FOO", "bar"));
            assertTrue(a.systemctl("start", "hello.service").ok());
            assertEquals("active", a.systemctl("is-active", "hello.service").stdout().strip());
            assertEquals("inactive", b.systemctl("is-active", "hello.service").stdout().strip());
            assertTrue(a.systemctl("show-environment").stdout().contains("FOO=bar"));
            cgroupsSeen = cgroupsOf(a.pid());
            assertFalse(cgroupsSeen.isEmpty());
        }
        for (Path cg : cgroupsSeen) {
            assertFalse(Files.exists(cg), "left behind: " + cg);
        }
    }

    @Test
    void start_withExecPrefix_managerRunsUnderIt(@TempDir Path tmp) throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        try (PrivateSystemd sd = PrivateSystemd.start(tmp.resolve("p"), List.of("env", "REACTORD_TEST_MARK=1"))) {
            assertTrue(Files.readString(Path.of("/proc/" + sd.pid() + "/environ")).contains("REACTORD_TEST_MARK=1"));
            assertTrue(sd.systemctl("is-active", "dbus.socket").ok(), "the manager runs its bus");
        }
    }

    /** The dedicated cgroup directories of a process (the parents of its init.scope). */
    private static List<Path> cgroupsOf(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/cgroup")).stream()
                .map(l -> l.split(":", 3))
                .filter(f -> f[2].contains("reactord-sd-"))
                .map(f -> Path.of("/sys/fs/cgroup", f[1].isEmpty() ? "unified" : f[1].replace("name=", ""),
                        f[2].substring(0, f[2].indexOf("reactord-sd-")), f[2].substring(f[2].indexOf("reactord-sd-")).split("/")[0]))
                .toList();
    }
}
