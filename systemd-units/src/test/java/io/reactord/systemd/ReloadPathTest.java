package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.harness.PrivateSystemd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped reactord-reload.path with the daemon's drop-in: it watches the configured snippets
 * directory, not /etc/reactord.d, and a burst of changes never hits a start limit. The reload service's
 * command is replaced by one that counts its runs (a user manager cannot reload the system's reactord).
 */
final class ReloadPathTest {
    @TempDir
    Path tmp;

    @Test
    void reloadWatch_snippetsDir_pathChangedResetToThatDirectory() {
        String d = DropIns.reloadWatch(Path.of("/etc/drbd-reactor.d"));
        assertTrue(d.startsWith(DropIns.HEADER + "\n"), d);
        assertTrue(d.contains("[Path]\nPathChanged=\nPathChanged=/etc/drbd-reactor.d\n"), d);
        assertTrue(DropIns.reloadWatch(Path.of("/etc/100%")).contains("PathChanged=/etc/100%%\n"));
        assertThrows(IllegalArgumentException.class, () -> DropIns.reloadWatch(Path.of("/etc/a\nb")));
    }

    @Test
    void pathUnit_configuredSnippetsDir_reloadsOnEveryChangeWithoutStartLimit() throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        Path snippets = Files.createDirectories(tmp.resolve("drbd-reactor.d"));
        Path runs = tmp.resolve("runs");
        try (PrivateSystemd systemd = PrivateSystemd.start(tmp.resolve("systemd"))) {
            Path units = systemd.unitDir();
            InstallUnits.install(units, units.resolve(UnitTemplates.SHIM));
            Path d = Files.createDirectories(units.resolve("reactord-reload.service.d"));
            Files.writeString(d.resolve("zz-test.conf"),
                    "[Service]\nExecStart=\nExecStart=/bin/sh -c 'echo run >> " + runs + "'\n");
            new DropInWriter(units.resolve(UnitTemplates.SHIM)).write(units, List.of(), java.util.Set.of(), snippets);
            systemd.daemonReload();
            systemd.systemctl("start", "reactord-reload.path").orThrow();

            int bursts = 12; // systemd's default start limit is 5 starts in 10 s
            for (int i = 1; i <= bursts; i++) {
                Files.writeString(snippets.resolve("r" + i + ".toml"), "[[promoter]]\n");
                int expected = i;
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(runs) >= expected);
            }
            assertEquals("active", systemd.systemctl("is-active", "reactord-reload.path").stdout().strip());
            assertEquals("success", systemd.systemctl("show", "-P", "Result", "reactord-reload.service").stdout().strip());
        }
    }

    private static long count(Path runs) throws Exception {
        return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
    }
}
