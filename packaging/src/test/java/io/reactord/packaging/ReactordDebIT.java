package io.reactord.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.ctl.ReactorCtl;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Inspects the package the build wrote to target/ (runs after the package phase). */
final class ReactordDebIT {

    static final Path CHECKOUT = Path.of(System.getProperty("reactord.checkout",
            Path.of(System.getProperty("user.dir")).resolve("..").toString())).normalize();
    static final String VERSION = DebControl.debianVersion(System.getProperty("reactord.version", "0.1.0"));
    static final Path DEB = Path.of(System.getProperty("reactord.deb",
            CHECKOUT.resolve("packaging/target/reactord_" + VERSION + "_all.deb").toString()));

    static DebArchive deb;

    @TempDir
    Path tmp;

    @BeforeAll
    static void read() throws Exception {
        if (!Files.isRegularFile(DEB)) {
            throw new AssertionError(DEB + " missing: run mvn package (the package phase builds it)");
        }
        deb = DebArchive.read(DEB);
    }

    @Test
    void package_fileName_versionAndArchitectureAll() {
        assertEquals("reactord_" + VERSION + "_all.deb", DEB.getFileName().toString());
        assertEquals(List.of("debian-binary", "control.tar.gz", "data.tar.gz"), deb.arMembers);
    }

    @Test
    void data_files_exactlyTheExpectedSet() {
        Set<String> files = deb.data.values().stream().filter(m -> !m.directory())
                .map(m -> m.name().substring(1)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of(
                "/etc/default/reactord", "/etc/reactord.toml",
                "/usr/lib/reactord/reactord-shim", "/usr/lib/reactord/reactord-ocf",
                "/usr/lib/reactord/units/drbd-demote-or-escalate@.service",
                "/usr/lib/reactord/units/drbd-promote@.service",
                "/usr/lib/reactord/units/drbd-services@.target",
                "/usr/lib/reactord/units/ocf.rs@.service",
                "/usr/lib/systemd/system/reactord-reload.path",
                "/usr/lib/systemd/system/reactord-reload.service",
                "/usr/lib/systemd/system/reactord.service",
                "/usr/sbin/reactorctl", "/usr/sbin/reactord",
                "/usr/share/bash-completion/completions/reactorctl",
                "/usr/share/bash-completion/completions/reactord",
                "/usr/share/doc/reactord/changelog.gz", "/usr/share/doc/reactord/copyright",
                "/usr/share/doc/reactord/reactord.toml.example",
                "/usr/share/man/man8/reactorctl.8.gz", "/usr/share/man/man8/reactord.8.gz",
                "/usr/share/reactord/reactord.jar")), files);
        assertTrue(deb.file("/etc/reactord.d").directory());
    }

    @Test
    void data_entries_rootOwnedWithDebianModes() {
        Set<String> executables = Set.of("./usr/sbin/reactorctl", "./usr/sbin/reactord", "./usr/lib/reactord/reactord-shim",
                "./usr/lib/reactord/reactord-ocf");
        for (DebArchive.Member m : deb.data.values()) {
            assertEquals(0, m.uid(), m.name());
            assertEquals(0, m.gid(), m.name());
            assertEquals("root", m.user(), m.name());
            assertFalse(m.symlink(), m.name());
            int expected = m.directory() || executables.contains(m.name()) ? 0755 : 0644;
            assertEquals(expected, m.mode(), m.name() + " mode 0" + Integer.toOctalString(m.mode()));
        }
    }

    @Test
    void control_fields_dependsOnJava17AndDrbdUtils() {
        Map<String, String> f = deb.fields();
        assertEquals("reactord", f.get("Package"));
        assertEquals(VERSION, f.get("Version"));
        assertEquals("all", f.get("Architecture"));
        assertEquals("admin", f.get("Section"));
        assertEquals("optional", f.get("Priority"));
        assertTrue(f.get("Maintainer").matches(".+ <.+@.+>"), f.get("Maintainer"));
        assertEquals("default-jre-headless (>= 2:1.17) | java17-runtime-headless | openjdk-17-jre-headless"
                + " | openjdk-21-jre-headless | openjdk-25-jre-headless, drbd-utils", f.get("Depends"));
        long jarKiB = deb.file("/usr/share/reactord/reactord.jar").content().length / 1024;
        assertTrue(Long.parseLong(f.get("Installed-Size")) > jarKiB, f.get("Installed-Size"));
        assertTrue(f.get("Description").startsWith("high-availability agent for DRBD 9 resources\n "), f.get("Description"));
    }

    @Test
    void control_conffiles_mainConfigAndDefaults() {
        assertEquals("/etc/reactord.toml\n/etc/default/reactord\n", deb.controlText("conffiles"));
    }

    @Test
    void control_md5sums_matchEveryFile() throws Exception {
        String md5 = deb.controlText("md5sums");
        long files = deb.data.values().stream().filter(m -> !m.directory()).count();
        assertEquals(files, md5.lines().count());
        for (String line : md5.lines().toList()) {
            String sum = line.substring(0, 32);
            String path = line.substring(34);
            byte[] content = deb.file("/" + path).content();
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)), sum, path);
        }
    }

    @Test
    void control_maintainerScripts_shellSyntaxSetEAndExecutable() throws Exception {
        for (String s : List.of("postinst", "prerm", "postrm")) {
            String text = deb.controlText(s);
            assertTrue(text.startsWith("#!/bin/sh\n"), s);
            assertTrue(text.contains("\nset -e\n"), s);
            assertEquals(0755, deb.control.get("./" + s).mode(), s);
            Path f = tmp.resolve(s);
            Files.writeString(f, text);
            Processes.ok(List.of("sh", "-n", f.toString()));
        }
        assertFalse(deb.control.containsKey("./preinst"));
    }

    @Test
    void prerm_text_neverTouchesManagedTargets() {
        String prerm = deb.controlText("prerm");
        assertFalse(prerm.contains("drbd-services"), prerm);
        assertFalse(prerm.contains("drbd-promote"), prerm);
        assertFalse(prerm.contains("isolate"), prerm);
    }

    @Test
    void units_placeholders_resolvedToInstalledShim() {
        for (DebArchive.Member m : deb.data.values()) {
            if (m.name().contains("/systemd/") || m.name().contains("/units/") || m.name().endsWith("reactord-shim")
                    || m.name().endsWith("reactord-ocf")) {
                assertFalse(m.text().matches("(?s).*@[A-Z][A-Z0-9_]*@.*"), m.name());
            }
        }
        assertTrue(deb.file("/usr/lib/reactord/units/drbd-promote@.service").text()
                .contains("/usr/lib/reactord/reactord-shim primary"));
        assertTrue(deb.file("/usr/lib/reactord/units/ocf.rs@.service").text()
                .contains("ExecStart=/usr/lib/reactord/reactord-ocf monitor"));
    }

    @Test
    void reactordService_execStart_isAPackagedExecutable() {
        String unit = deb.file("/usr/lib/systemd/system/reactord.service").text();
        String exec = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst()
                .orElseThrow(() -> new AssertionError("reactord.service has no ExecStart"))
                .substring("ExecStart=".length()).replaceFirst("^[-@:+!]+", "").split("\\s+")[0];
        assertEquals(0755, deb.file(exec).mode(), exec);
    }

    /** The exposure {@code systemd-analyze security --offline=yes} gives the packaged unit (systemd 250+). */
    @Test
    void reactordService_systemdAnalyzeSecurity_exposureBelow5(@TempDir Path dir) throws Exception {
        Path unit = dir.resolve("reactord.service");
        Files.writeString(unit, deb.file("/usr/lib/systemd/system/reactord.service").text());
        Processes.Result r = Processes.run(List.of("systemd-analyze", "security", "--offline=yes", "--no-pager",
                unit.toString()));
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("Overall exposure level for reactord.service: (\\d+\\.\\d)").matcher(r.output());
        assertTrue(m.find(), "no exposure level in: " + r.output());
        double exposure = Double.parseDouble(m.group(1));
        assertTrue(exposure < 5.0, "exposure " + exposure + " (goal: below 5):\n" + r.output());
        List<String> lines = deb.file("/usr/lib/systemd/system/reactord.service").text().lines().map(String::strip).toList();
        for (String expected : List.of("UMask=0077", "StateDirectoryMode=0700", "RuntimeDirectoryMode=0700",
                "ProtectClock=yes", "ProtectKernelLogs=yes", "LockPersonality=yes", "RestrictSUIDSGID=yes",
                "SystemCallArchitectures=native", "RestrictNamespaces=yes")) {
            assertTrue(lines.contains(expected), "reactord.service lacks " + expected);
        }
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("MemoryDenyWriteExecute=")), "the JVM's JIT needs W+X memory");
    }

    @Test
    void reactordService_hardening_stillWritesDropInsAndNotifies() {
        List<String> lines = deb.file("/usr/lib/systemd/system/reactord.service").text().lines().map(String::strip).toList();
        for (String expected : List.of("Type=notify", "NotifyAccess=all", "Restart=on-failure", "ProtectSystem=strict",
                "ProtectHome=yes", "PrivateTmp=yes", "NoNewPrivileges=yes")) {
            assertTrue(lines.contains(expected), "reactord.service lacks " + expected);
        }
        List<String> writable = lines.stream().filter(l -> l.startsWith("ReadWritePaths="))
                .flatMap(l -> java.util.Arrays.stream(l.substring("ReadWritePaths=".length()).split("\\s+"))).toList();
        for (String path : List.of("/run/systemd/system", "/var/lib/reactord", "/run/reactord")) {
            assertTrue(writable.contains(path), "ReadWritePaths lacks " + path + ": " + writable);
        }
    }

    @Test
    void payload_jarAndReferenceConfig_identicalToBuildOutputs() throws Exception {
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(CHECKOUT.resolve("agent/target/reactord.jar")),
                deb.file("/usr/share/reactord/reactord.jar").content()));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(CHECKOUT.resolve("config/reactord.toml.example")),
                deb.file("/usr/share/doc/reactord/reactord.toml.example").content()));
    }

    @Test
    void manPageAndCompletion_listEveryReactorctlSubcommand() throws Exception {
        String man;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(
                deb.file("/usr/share/man/man8/reactorctl.8.gz").content()))) {
            man = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String completion = deb.file("/usr/share/bash-completion/completions/reactorctl").text();
        Map<String, CommandLine> subs = ReactorCtl.commandLine().getSubcommands();
        assertFalse(subs.isEmpty());
        for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
            if (e.getValue().getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            String name = e.getValue().getCommandSpec().name();
            assertTrue(man.contains(".SS \"reactorctl " + ManPage.escape(name) + "\""), name);
            assertTrue(completion.contains(name), name);
        }
        assertTrue(man.startsWith(".TH \"REACTORCTL\" 8 "), man);
    }

    @Test
    void launchers_selfContained_bashSyntaxOk() throws Exception {
        for (String cmd : List.of("reactord", "reactorctl")) {
            String text = deb.file("/usr/sbin/" + cmd).text();
            assertFalse(text.contains("/launcher.sh\""), cmd);
            assertTrue(text.contains("reactord_find_jar"), cmd);
            Path f = tmp.resolve(cmd);
            Files.writeString(f, text);
            Processes.ok(List.of("bash", "-n", f.toString()));
        }
    }
}
