package io.reactord.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReactordPackageTest {

    @TempDir
    Path tmp;

    private static final Path CHECKOUT = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

    @Test
    void substitute_shimPlaceholder_replacedByInstalledPath() {
        byte[] out = ReactordPackage.substitute("u", "ExecStart=@SHIM@ primary \"%I\"\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("ExecStart=/usr/lib/reactord/reactord-shim primary \"%I\"\n", new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void substitute_unknownPlaceholder_throwsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReactordPackage.substitute("x.service", "ExecStart=@BIN@/reactord\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("x.service") && e.getMessage().contains("@BIN@"), e.getMessage());
    }

    @Test
    void unitSources_missingEverywhere_throwsNamingBothPlaces() {
        UnitSources u = new UnitSources(tmp.resolve("none.jar"), tmp.resolve("units"));
        Exception e = assertThrows(java.io.IOException.class, () -> u.read("reactord.service"));
        assertTrue(e.getMessage().contains("none.jar") && e.getMessage().contains("units/reactord.service"), e.getMessage());
    }

    @Test
    void unitSources_onlyInSourceDir_readFromThere() throws Exception {
        Files.createDirectories(tmp.resolve("units"));
        Files.writeString(tmp.resolve("units/x.service"), "[Unit]\n");
        assertEquals("[Unit]\n", new String(new UnitSources(tmp.resolve("none.jar"), tmp.resolve("units")).read("x.service"),
                StandardCharsets.UTF_8));
    }

    @Test
    void writeTo_missingJar_throwsWithBuildHint() {
        ReactordPackage p = new ReactordPackage(CHECKOUT, tmp.resolve("reactord.jar"), "0.1.0", 0);
        Exception e = assertThrows(java.io.IOException.class, () -> p.writeTo(tmp));
        assertTrue(e.getMessage().contains("reactord.jar"), e.getMessage());
    }

    @Test
    void maintainerScripts_shellSyntax_ok() throws Exception {
        for (String s : List.of("postinst", "prerm", "postrm")) {
            Processes.ok(List.of("sh", "-n", CHECKOUT.resolve("packaging/src/deb").resolve(s).toString()));
        }
    }

    @Test
    void completion_picocliScript_noHashbangButCompletesSubcommand() {
        @picocli.CommandLine.Command(name = "demo", subcommands = Sub.class)
        final class Demo {}
        String script = ReactordPackage.completion("demo", new picocli.CommandLine(new Demo()));
        assertFalse(script.startsWith("#!"), script.substring(0, 40));
        assertTrue(script.contains("complete -F _complete_demo"), script);
        assertTrue(script.contains("sub"), script);
    }

    @picocli.CommandLine.Command(name = "sub")
    static final class Sub {}

    @Test
    void changelog_entry_debianFormatWithVersionAndDate() {
        String c = new ReactordPackage(CHECKOUT, tmp, "0.2.0-SNAPSHOT", 1_700_000_000L).changelog();
        assertTrue(c.startsWith("reactord (0.2.0~SNAPSHOT) unstable; urgency=medium\n\n  * "), c);
        assertTrue(c.endsWith(">  Tue, 14 Nov 2023 22:13:20 +0000\n"), c);
    }

    @Test
    void gzip_text_roundTripsWithZeroTimeStamp() throws Exception {
        byte[] gz = ReactordPackage.gzip("hello\n");
        assertEquals(0, gz[4] | gz[5] | gz[6] | gz[7]);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            assertEquals("hello\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void fileName_snapshotVersion_debianForm() {
        assertEquals("reactord_0.2.0~SNAPSHOT_all.deb", new ReactordPackage(CHECKOUT, tmp, "0.2.0-SNAPSHOT", 0).fileName());
    }
}
