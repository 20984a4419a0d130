package io.reactord.packaging;

import io.reactord.agent.ReactordMain;
import io.reactord.ctl.ExitCodes;
import io.reactord.ctl.ReactorCtl;
import io.reactord.systemd.UnitTemplates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * What the reactord package contains and where: the file layout, control fields, conffiles and maintainer
 * scripts. Inputs are the project checkout (launchers, {@code packaging/src/deb}, the reference config)
 * and the runnable jar (unit templates and shim); man pages and bash completion come from the live
 * picocli model. See {@code docs/packaging.md}.
 */
public final class ReactordPackage {

    public static final String JAR = "/usr/share/reactord/reactord.jar";
    public static final String SHIM = UnitTemplates.DEFAULT_SHIM.toString();
    public static final String OCF_WRAPPER = UnitTemplates.ocfWrapper(UnitTemplates.DEFAULT_SHIM).toString();
    /** Where the drbd unit templates live; postinst links them into the unit path if drbd-utils lacks them. */
    public static final String DRBD_UNIT_DIR = "/usr/lib/reactord/units";
    public static final String SYSTEM_UNIT_DIR = "/usr/lib/systemd/system";
    public static final List<String> DRBD_UNITS =
            List.of("drbd-services@.target", "drbd-promote@.service", "drbd-demote-or-escalate@.service", "ocf.rs@.service");
    public static final List<String> OWN_UNITS = List.of("reactord.service", "reactord-reload.path", "reactord-reload.service");
    public static final List<String> CONFFILES = List.of("/etc/reactord.toml", "/etc/default/reactord");
    public static final String DEPENDS = "default-jre-headless (>= 2:1.17) | java17-runtime-headless"
            + " | openjdk-17-jre-headless | openjdk-21-jre-headless | openjdk-25-jre-headless, drbd-utils";
    public static final String MAINTAINER = "reactord maintainers <reactord@localhost>";

    private static final Pattern PLACEHOLDER = Pattern.compile("@[A-Z][A-Z0-9_]*@");

    private final Path checkout;
    private final Path jar;
    private final String version;
    private final long mtime;

    /**
     * @param checkout the project's root directory
     * @param jar the runnable jar, {@code agent/target/reactord.jar}
     * @param mavenVersion the project version
     * @param mtimeSeconds time stamp of every entry (SOURCE_DATE_EPOCH for reproducible builds)
     */
    public ReactordPackage(Path checkout, Path jar, String mavenVersion, long mtimeSeconds) {
        this.checkout = checkout;
        this.jar = jar;
        this.version = DebControl.debianVersion(mavenVersion);
        this.mtime = mtimeSeconds;
    }

    /** The file name dpkg tools expect: {@code reactord_<version>_all.deb}. */
    public String fileName() {
        return "reactord_" + version + "_all.deb";
    }

    /** Writes the package into {@code dir} and returns its path. */
    public Path writeTo(Path dir) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("runnable jar " + jar + " not found; build the agent module first (mvn package)");
        }
        Path out = dir.resolve(fileName());
        DebWriter.write(out, control(), entries(), scripts(), CONFFILES, mtime);
        return out;
    }

    /** {@code DEBFULLNAME <DEBEMAIL>} when both are set (as for other Debian tools), else {@link #MAINTAINER}. */
    static String maintainer() {
        String name = System.getenv("DEBFULLNAME");
        String mail = System.getenv("DEBEMAIL");
        return name != null && !name.isBlank() && mail != null && !mail.isBlank() ? name.strip() + " <" + mail.strip() + ">" : MAINTAINER;
    }

    public DebControl control() {
        return new DebControl("reactord", version, maintainer(), DEPENDS, "admin", "optional", null,
                "high-availability agent for DRBD 9 resources",
                """
                reactord watches drbdsetup events2 on every node of a DRBD 9 cluster and,
                for each resource it manages, decides from DRBD's quorum and promotion
                signals whether this node should run the resource's services. It starts
                and stops them as the systemd target drbd-services@RES.target over D-Bus,
                explains every decision, and damps repeated failures.

                It reads drbd-reactor's promoter configuration unchanged. reactorctl
                shows and steers it.""");
    }

    public List<DebEntry> entries() throws IOException {
        List<String> placed = new ArrayList<>(DRBD_UNITS);
        placed.addAll(OWN_UNITS);
        if (!new HashSet<>(placed).equals(new HashSet<>(UnitTemplates.UNITS))) {
            throw new IllegalStateException("systemd-units ships " + UnitTemplates.UNITS + " but the package places "
                    + placed + "; add the new unit to ReactordPackage");
        }
        List<DebEntry> e = new ArrayList<>();
        e.add(DebEntry.file(JAR, 0644, Files.readAllBytes(jar)));
        String library = text(checkout.resolve("bin/launcher.sh"));
        for (String cmd : List.of("reactord", "reactorctl")) {
            String script = LauncherScript.inline("bin/" + cmd, text(checkout.resolve("bin/" + cmd)), library);
            e.add(DebEntry.file("/usr/sbin/" + cmd, 0755, utf8(script)));
        }
        UnitSources units = new UnitSources(jar,
                checkout.resolve("systemd-units/src/main/resources").resolve(UnitSources.PREFIX));
        e.add(DebEntry.file(SHIM, 0755, substitute(UnitTemplates.SHIM, units.read(UnitTemplates.SHIM))));
        e.add(DebEntry.file(OCF_WRAPPER, 0755, substitute(UnitTemplates.OCF_WRAPPER, units.read(UnitTemplates.OCF_WRAPPER))));
        for (String u : DRBD_UNITS) {
            e.add(DebEntry.file(DRBD_UNIT_DIR + "/" + u, 0644, substitute(u, units.read(u))));
        }
        for (String u : OWN_UNITS) {
            e.add(DebEntry.file(SYSTEM_UNIT_DIR + "/" + u, 0644, substitute(u, units.read(u))));
        }
        e.add(DebEntry.file("/etc/reactord.toml", 0644, deb("reactord.toml")));
        e.add(DebEntry.file("/etc/default/reactord", 0644, deb("default")));
        e.add(DebEntry.dir("/etc/reactord.d"));
        e.add(DebEntry.file("/usr/share/doc/reactord/copyright", 0644, deb("copyright")));
        e.add(DebEntry.file("/usr/share/doc/reactord/changelog.gz", 0644, gzip(changelog())));
        e.add(DebEntry.file("/usr/share/doc/reactord/reactord.toml.example", 0644,
                required(checkout.resolve("config/reactord.toml.example"), "the reference configuration (config module)")));
        e.add(DebEntry.file("/usr/share/man/man8/reactorctl.8.gz", 0644, gzip(reactorctlManPage())));
        e.add(DebEntry.file("/usr/share/man/man8/reactord.8.gz", 0644, gzip(reactordManPage())));
        e.add(DebEntry.file("/usr/share/bash-completion/completions/reactorctl", 0644,
                utf8(completion("reactorctl", ReactorCtl.commandLine()))));
        e.add(DebEntry.file("/usr/share/bash-completion/completions/reactord", 0644,
                utf8(completion("reactord", new CommandLine(new ReactordMain())))));
        return e;
    }

    public Map<String, String> scripts() throws IOException {
        Map<String, String> s = new LinkedHashMap<>();
        for (String name : List.of("postinst", "prerm", "postrm")) {
            s.put(name, new String(deb(name), StandardCharsets.UTF_8));
        }
        return s;
    }

    /** picocli's bash completion script, without its #! line (completion files are sourced, not run). */
    static String completion(String name, CommandLine cl) {
        String script = AutoComplete.bash(name, cl);
        return script.startsWith("#!") ? script.substring(script.indexOf('\n') + 1) : script;
    }

    /** A native package's changelog: one entry for this version. */
    String changelog() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(mtime).atZone(ZoneOffset.UTC))
                .replace("GMT", "+0000");
        return "reactord (" + version + ") unstable; urgency=medium\n\n"
                + "  * reactord " + version + ". Changes: see the project's history.\n\n"
                + " -- " + maintainer() + "  " + date + "\n";
    }

    String reactorctlManPage() {
        return ManPage.render(ReactorCtl.commandLine(), "8", date(), "reactord " + version, List.of(
                new ManPage.Section("Exit status", List.of(
                        ExitCodes.OK + " success", ExitCodes.FAILURE + " failure",
                        ExitCodes.USAGE + " usage error", ExitCodes.NOT_FOUND + " resource or object not found",
                        ExitCodes.DAEMON_UNREACHABLE + " reactord is not reachable")),
                files(), seeAlso("reactord(8)")));
    }

    String reactordManPage() {
        return ManPage.render(new CommandLine(new ReactordMain()), "8", date(), "reactord " + version, List.of(
                new ManPage.Section("Environment", List.of(
                        "JAVA_HOME or REACTORD_JAVA select the Java runtime (17 or newer), REACTORD_JAR the jar,"
                                + " REACTORD_JAVA_OPTS adds JVM options.")),
                files(), seeAlso("reactorctl(8)")));
    }

    private static ManPage.Section files() {
        return new ManPage.Section("Files", List.of(
                "/etc/reactord.toml: main configuration; every *.toml file in /etc/reactord.d is part of it.",
                "/usr/share/doc/reactord/reactord.toml.example: every key with its default.",
                "/var/lib/reactord: the decision journal."));
    }

    private static ManPage.Section seeAlso(String other) {
        return new ManPage.Section("See also", List.of(other + ", drbdsetup(8), drbd-reactor(1), systemctl(1)"));
    }

    private String date() {
        return Instant.ofEpochSecond(mtime).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** Replaces {@code @SHIM@} with the shim's installed path; any other placeholder left fails the build. */
    static byte[] substitute(String name, byte[] content) {
        String t = new String(content, StandardCharsets.UTF_8).replace(UnitTemplates.SHIM_TOKEN, SHIM)
                .replace(UnitTemplates.OCF_TOKEN, OCF_WRAPPER);
        Matcher m = PLACEHOLDER.matcher(t);
        if (m.find()) {
            throw new IllegalArgumentException(name + ": unknown placeholder " + m.group() + " left after substitution");
        }
        return utf8(t);
    }

    private byte[] deb(String name) throws IOException {
        return required(checkout.resolve("packaging/src/deb").resolve(name), "packaging file");
    }

    private static byte[] required(Path p, String what) throws IOException {
        if (!Files.isRegularFile(p)) {
            throw new IOException(p + " not found (" + what + ")");
        }
        return Files.readAllBytes(p);
    }

    private static String text(Path p) throws IOException {
        return new String(required(p, "launcher"), StandardCharsets.UTF_8);
    }

    /** gzip -9 with a zero header time stamp, so the bytes depend on the text only. */
    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GzipParameters p = new GzipParameters();
        p.setCompressionLevel(9);
        p.setModificationTime(0);
        try (GzipCompressorOutputStream z = new GzipCompressorOutputStream(bytes, p)) {
            z.write(utf8(text));
        }
        return bytes.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
