package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/reactorctl} picks JVM flags per subcommand: C1 for all, a small heap for short commands and a larger one for replay. */
final class LauncherFlagsTest {
    @TempDir
    Path tmp;

    /** The java command line the launcher would run, from a stand-in java that prints its arguments. */
    private String javaArgs(String... args) throws Exception {
        return javaArgsWithArchive("none", args);
    }

    /** The same with {@code REACTORCTL_CDS_ARCHIVE} set to {@code cds}. */
    private String javaArgsWithArchive(String cds, String... args) throws Exception {
        Path java = tmp.resolve("java");
        Files.writeString(java, "#!/bin/sh\ncase \"$*\" in *-XshowSettings*) echo '    java.specification.version = 17' >&2;"
                + " exit 0 ;; esac\necho \"$*\"\n");
        java.toFile().setExecutable(true);
        Path jar = tmp.resolve("reactord.jar");
        Files.writeString(jar, "");
        Path launcher = Path.of(System.getProperty("user.dir")).resolve("../../bin/reactorctl").normalize();
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of("bash", launcher.toString())));
        pb.command().addAll(List.of(args));
        pb.environment().put("REACTORD_JAVA", java.toString());
        pb.environment().put("REACTORD_JAR", jar.toString());
        pb.environment().put("REACTORCTL_CDS_ARCHIVE", cds);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("REACTORCTL_JAVA_OPTS");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.strip();
    }

    @Test
    void launcher_status_c1OnlyAndSmallHeap() throws Exception {
        String a = javaArgs("status", "--json");
        assertTrue(a.contains("-XX:TieredStopAtLevel=1") && a.contains("-Xmx128m"), a);
        assertTrue(a.endsWith("io.reactord.ctl.CtlMain status --json"), a);
    }

    @Test
    void launcher_replay_c1OnlyAndLargerHeap() throws Exception {
        String a = javaArgs("replay", "--events", "x", "--state");
        assertTrue(a.contains("-XX:TieredStopAtLevel=1"), a);
        assertFalse(a.contains("TieredCompilation"), a);
        assertTrue(a.contains("-Xmx512m") && !a.contains("-Xmx128m"), a);
        assertTrue(a.endsWith("io.reactord.ctl.CtlMain replay --events x --state"), a);
    }

    @Test
    void launcher_resourceNamedReplay_stillAShortCommand() throws Exception {
        String a = javaArgs("why", "replay");
        assertTrue(a.contains("-XX:TieredStopAtLevel=1") && a.contains("-Xmx128m") && !a.contains("-Xmx512m"), a);
        assertTrue(javaArgs("-h").contains("-Xmx128m"));
    }

    @Test
    void launcher_replayWithoutItsArchive_writesItsOwnNotStatussAndTrains() throws Exception {
        Path status = tmp.resolve("ctl.jsa");
        Files.writeString(status, "");
        status.toFile().setLastModified(System.currentTimeMillis() + 60_000);
        String a = javaArgsWithArchive(status.toString(), "replay", "--events", "x");
        assertTrue(a.contains("-XX:ArchiveClassesAtExit=" + tmp.resolve("ctl-replay.jsa")), a);
        assertTrue(a.contains("-Dreactorctl.cds-training=true"), a); // it also replays a small built-in capture
        assertFalse(a.contains("SharedArchiveFile"), a);
    }

    @Test
    void launcher_replayWithItsArchive_mapsIt() throws Exception {
        Path replay = tmp.resolve("ctl-replay.jsa");
        Files.writeString(replay, "");
        replay.toFile().setLastModified(System.currentTimeMillis() + 60_000);
        String a = javaArgsWithArchive(tmp.resolve("ctl.jsa").toString(), "replay", "--events", "x");
        assertTrue(a.contains("-XX:SharedArchiveFile=" + replay), a);
        assertFalse(a.contains("ArchiveClassesAtExit"), a);
    }

    @Test
    void launcher_statusWithoutArchive_stillTrainsTheStatusArchive() throws Exception {
        String a = javaArgsWithArchive(tmp.resolve("ctl.jsa").toString(), "status");
        assertTrue(a.contains("-XX:ArchiveClassesAtExit=" + tmp.resolve("ctl.jsa")), a);
        assertTrue(a.contains("-Dreactorctl.cds-training=true"), a);
    }
}
