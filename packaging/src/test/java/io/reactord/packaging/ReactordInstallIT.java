package io.reactord.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the built package into a throwaway dpkg root with the real dpkg and runs what it installed:
 * install, the commands, upgrade with a locally modified conffile, remove and purge.
 */
final class ReactordInstallIT {

    private static final List<String> DRBD_UNITS = List.of("drbd-services@.target", "drbd-promote@.service",
            "drbd-demote-or-escalate@.service", "ocf.rs@.service");

    @TempDir
    Path tmp;

    @BeforeAll
    static void dpkgAvailable() throws Exception {
        DpkgRoot.requireDpkg();
    }

    private DpkgRoot installed() throws Exception {
        DpkgRoot root = new DpkgRoot(tmp.resolve("root"));
        root.install(ReactordDebIT.DEB);
        assertEquals("install ok installed " + ReactordDebIT.VERSION, root.status());
        return root;
    }

    @Test
    void install_drbdReactorEnabled_reactordNeitherEnabledNorStarted() throws Exception {
        Assumptions.assumeTrue(Processes.run(List.of("sh", "-c", "command -v systemctl")).exitCode() == 0,
                "systemctl is needed to read the enablement");
        DpkgRoot root = new DpkgRoot(tmp.resolve("root"));
        Path unit = root.path("/usr/lib/systemd/system/drbd-reactor.service");
        Files.createDirectories(unit.getParent());
        Files.writeString(unit, "[Service]\nExecStart=/usr/sbin/drbd-reactor\n[Install]\nWantedBy=multi-user.target\n");
        Path wants = root.path("/etc/systemd/system/multi-user.target.wants/drbd-reactor.service");
        Files.createDirectories(wants.getParent());
        Files.createSymbolicLink(wants, Path.of("/usr/lib/systemd/system/drbd-reactor.service"));

        String out = root.install(ReactordDebIT.DEB);
        assertEquals("install ok installed " + ReactordDebIT.VERSION, root.status());
        assertTrue(out.contains("drbd-reactor is running or enabled"), out);
        assertFalse(Files.exists(root.path("/etc/systemd/system/multi-user.target.wants/reactord.service"),
                java.nio.file.LinkOption.NOFOLLOW_LINKS), "reactord must not be enabled next to drbd-reactor");
        String service = Files.readString(root.path("/usr/lib/systemd/system/reactord.service"));
        assertTrue(service.contains("\nConflicts=drbd-reactor.service\n"), service);
    }

    @Test
    void install_freshRoot_versionRunsFromInstalledJar() throws Exception {
        DpkgRoot root = installed();
        String out = Processes.ok(List.of(root.path("/usr/sbin/reactorctl").toString(), "--version"));
        assertTrue(out.startsWith("reactorctl " + ReactordDebIT.VERSION.replace('~', '-')), out);
        String daemon = Processes.ok(List.of(root.path("/usr/sbin/reactord").toString(), "--version"));
        assertTrue(daemon.startsWith("reactord "), daemon);
    }

    @Test
    void install_freshRoot_checkAcceptsShippedConfig() throws Exception {
        DpkgRoot root = installed();
        Processes.Result r = Processes.run(List.of(root.path("/usr/sbin/reactorctl").toString(), "check",
                "-c", root.path("/etc/reactord.toml").toString()));
        assertEquals(0, r.exitCode(), "reactorctl check on the shipped /etc/reactord.toml:\n" + r.output());
    }

    @Test
    void install_freshRoot_directoriesAndDrbdUnitLinksOnlyInsideRoot() throws Exception {
        boolean hostStateBefore = Files.exists(Path.of("/var/lib/reactord"));
        DpkgRoot root = installed();
        assertTrue(Files.isDirectory(root.path("/var/lib/reactord")));
        assertTrue(Files.isDirectory(root.path("/etc/reactord.d")));
        for (String u : DRBD_UNITS) {
            Path link = root.path("/usr/lib/systemd/system/" + u);
            assertTrue(Files.isSymbolicLink(link), u);
            assertEquals("/usr/lib/reactord/units/" + u, Files.readSymbolicLink(link).toString());
        }
        assertEquals(hostStateBefore, Files.exists(Path.of("/var/lib/reactord")), "postinst wrote outside DPKG_ROOT");
        if (Processes.run(List.of("sh", "-c", "command -v systemctl")).exitCode() == 0) {
            assertTrue(Files.isSymbolicLink(root.path("/etc/systemd/system/multi-user.target.wants/reactord.service")));
        }
    }

    @Test
    void install_unitShippedByDrbdUtils_keptAndNotLinkedThroughPurge() throws Exception {
        DpkgRoot root = new DpkgRoot(tmp.resolve("root"));
        Path theirs = root.path("/lib/systemd/system/drbd-promote@.service");
        Files.createDirectories(theirs.getParent());
        Files.writeString(theirs, "[Unit]\nDescription=from drbd-utils\n");
        root.install(ReactordDebIT.DEB);
        assertFalse(Files.exists(root.path("/usr/lib/systemd/system/drbd-promote@.service"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(root.path("/usr/lib/systemd/system/drbd-services@.target")));
        root.purge();
        assertEquals("[Unit]\nDescription=from drbd-utils\n", Files.readString(theirs));
        assertFalse(Files.exists(root.path("/usr/lib/systemd/system/drbd-services@.target"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void upgrade_modifiedConffileAndSnippet_keptAndNewVersionInstalled() throws Exception {
        DpkgRoot root = installed();
        Path conf = root.path("/etc/reactord.toml");
        String mine = Files.readString(conf) + "\n# local change\n";
        Files.writeString(conf, mine);
        Path snippet = root.path("/etc/reactord.d/linstor_db.toml");
        Files.writeString(snippet, "[[promoter]]\n[promoter.resources.linstor_db]\nstart = [\"var-lib-linstor.mount\"]\n");

        // the next version is built from the jar just installed, so both packages carry the same payload
        String next = System.getProperty("reactord.version", "0.1.0") + "+upgradetest";
        Path jar = Files.copy(root.path("/usr/share/reactord/reactord.jar"), tmp.resolve("reactord.jar"));
        Path v2 = new ReactordPackage(ReactordDebIT.CHECKOUT, jar, next, 1_700_000_000L).writeTo(tmp);
        root.install(v2);

        assertEquals("install ok installed " + DebControl.debianVersion(next), root.status());
        assertEquals(mine, Files.readString(conf));
        assertTrue(Files.exists(snippet));
        assertFalse(Files.exists(root.path("/etc/reactord.toml.dpkg-new")));
        assertTrue(Files.isSymbolicLink(root.path("/usr/lib/systemd/system/drbd-services@.target")));
    }

    @Test
    void removeThenPurge_configKeptUntilPurgeAndAdminSnippetsNeverDeleted() throws Exception {
        DpkgRoot root = installed();
        Path snippet = root.path("/etc/reactord.d/mine.toml");
        Files.writeString(snippet, "# written by the administrator\n");

        root.remove();
        assertEquals("deinstall ok config-files " + ReactordDebIT.VERSION, root.status());
        assertFalse(Files.exists(root.path("/usr/sbin/reactorctl")));
        assertTrue(Files.exists(root.path("/etc/reactord.toml")));
        assertTrue(Files.isDirectory(root.path("/var/lib/reactord")));
        for (String u : DRBD_UNITS) {
            assertFalse(Files.exists(root.path("/usr/lib/systemd/system/" + u), java.nio.file.LinkOption.NOFOLLOW_LINKS), u);
        }

        root.purge();
        assertEquals("not installed", root.status());
        assertFalse(Files.exists(root.path("/etc/reactord.toml")));
        assertFalse(Files.exists(root.path("/var/lib/reactord")));
        assertFalse(Files.exists(root.path("/etc/systemd/system/multi-user.target.wants/reactord.service"),
                java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("# written by the administrator\n", Files.readString(snippet));
    }

    @Test
    void installRemovePurge_withoutSystemctl_scriptsSucceedAndStillLinkUnits() throws Exception {
        DpkgRoot root = new DpkgRoot(tmp.resolve("root"));
        root.hideCommands(tmp.resolve("bin"), "systemctl");
        try {
            String out = root.install(ReactordDebIT.DEB);
            assertEquals("install ok installed " + ReactordDebIT.VERSION, root.status());
            assertFalse(out.contains("Created symlink"), out);
            assertTrue(Files.isSymbolicLink(root.path("/usr/lib/systemd/system/drbd-promote@.service")));
            root.remove();
            root.purge();
            assertEquals("not installed", root.status());
        } finally {
            root.restoreCommands();
        }
    }

    @Test
    void reinstall_afterPurge_startsClean() throws Exception {
        DpkgRoot root = installed();
        root.purge();
        root.install(ReactordDebIT.DEB);
        assertEquals("install ok installed " + ReactordDebIT.VERSION, root.status());
        assertTrue(Files.exists(root.path("/etc/reactord.toml")));
    }
}
