package io.reactord.agent.bench;

import io.reactord.agent.control.ControlClient;
import io.reactord.systemd.InstallUnits;
import io.reactord.systemd.harness.PrivateSystemd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The idle daemon with 100 managed resources (all Secondary, a peer Primary): a real reactord JVM
 * with the launcher's flags, a private real systemd and a fake {@code drbdsetup} that dumps 100
 * resources and then stays quiet. After the daemon is ready and has settled for 10 s, prints its RSS
 * and its CPU use over the next {@code seconds} (default 60).
 *
 * <p>Run as root: {@code java -cp "$BENCH_CP" io.reactord.agent.bench.IdleFootprintBenchmark [seconds]};
 * {@code -Dbench.cp=agent/target/reactord.jar} runs the daemon from the shipped jar (as in production) instead of the
 * test class path; {@code -Dbench.launcher=bin/reactord} runs it through the shipped launcher and its JVM flags
 * (then {@code bench.jvm} is passed as {@code REACTORD_JAVA_OPTS}); {@code -Dbench.loglevel=info} and
 * {@code -Dbench.keep} keep the daemon's log in the kept temporary directory.
 */
public final class IdleFootprintBenchmark {
    static final int RESOURCES = 100;

    private IdleFootprintBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path tmp = Files.createTempDirectory("reactord-idle");
        try (PrivateSystemd sd = PrivateSystemd.start(tmp.resolve("sd"))) {
            Path bin = Files.createDirectories(tmp.resolve("bin"));
            StringBuilder dump = new StringBuilder();
            StringBuilder toml = new StringBuilder("snippets = \"" + tmp.resolve("d") + "\"\n"
                    + "drbdsetup = \"" + bin.resolve("drbdsetup") + "\"\n"
                    + "unit-dir = \"" + sd.unitDir() + "\"\nstate-dir = \"" + tmp.resolve("state") + "\"\n"
                    + "socket = \"" + tmp.resolve("reactord.sock") + "\"\n[[promoter]]\n");
            for (int i = 0; i < RESOURCES; i++) {
                String r = String.format("r%03d", i);
                dump.append("exists resource name:").append(r).append(" role:Secondary suspended:no force-io-failures:no may_promote:no promotion_score:10103\n")
                        .append("exists connection name:").append(r).append(" peer-node-id:1 conn-name:bravo connection:Connected role:Primary\n")
                        .append("exists device name:").append(r).append(" volume:0 minor:").append(1000 + i)
                        .append(" disk:UpToDate client:no open:no quorum:yes\n")
                        .append("exists peer-device name:").append(r).append(" peer-node-id:1 conn-name:bravo volume:0 replication:Established peer-disk:UpToDate peer-client:no\n");
                toml.append("[promoter.resources.").append(r).append("]\nstart = [\"bench-").append(r)
                        .append(".service\"]\nadjust-resource-on-start = false\n");
            }
            dump.append("exists -\n");
            Files.writeString(tmp.resolve("dump"), dump.toString());
            StringBuilder show = new StringBuilder("[");
            for (int i = 0; i < RESOURCES; i++) {
                show.append(i == 0 ? "" : ",").append(String.format("{\"resource\":\"r%03d\",\"options\":{\"auto-promote\":false,"
                        + "\"quorum\":\"majority\",\"on-no-quorum\":\"io-error\"},\"connections\":[]}", i));
            }
            Files.writeString(tmp.resolve("show"), show.append("]\n").toString());
            Files.writeString(bin.resolve("drbdsetup"), "#!/bin/bash\ncase \"$1\" in\n events2) cat '" + tmp.resolve("dump")
                    + "'; while read -r _; do :; done ;;\n show) cat '" + tmp.resolve("show") + "' ;;\n *) exit 10 ;;\nesac\n");
            bin.resolve("drbdsetup").toFile().setExecutable(true);
            Files.createDirectories(tmp.resolve("d"));
            Files.writeString(tmp.resolve("reactord.toml"), toml.toString());
            InstallUnits.install(sd.unitDir(), tmp.resolve("reactord-shim"));
            sd.daemonReload();
            List<String> daemonArgs = List.of("-c", tmp.resolve("reactord.toml").toString(), "--hostname", "alpha", "--log-level", System.getProperty("bench.loglevel", "warn"),
                    "--shim", tmp.resolve("reactord-shim").toString());
            String launcher = System.getProperty("bench.launcher", "");
            String extra = System.getProperty("bench.jvm", "");
            List<String> cmd = new ArrayList<>();
            if (!launcher.isBlank()) {
                cmd.add(launcher); // the shipped launcher with its own JVM flags; bench.jvm goes to REACTORD_JAVA_OPTS
            } else {
                cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseSerialGC", "-Xms8m", "-Xmx48m", "-Xss512k", "-XX:MaxMetaspaceSize=64m",
                        "-XX:ReservedCodeCacheSize=24m", "-XX:CICompilerCount=2", "-Xshare:auto"));
                if (!extra.isBlank()) {
                    cmd.addAll(List.of(extra.trim().split("\\s+")));
                }
                cmd.addAll(List.of("-cp", System.getProperty("bench.cp", System.getProperty("java.class.path")),
                        "io.reactord.agent.ReactordMain"));
            }
            cmd.addAll(daemonArgs);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("agent.log").toFile());
            pb.environment().putAll(sd.env());
            if (!launcher.isBlank()) {
                pb.environment().put("REACTORD_JAR", System.getProperty("bench.cp", "agent/target/reactord.jar"));
                pb.environment().put("REACTORD_JAVA_OPTS", extra);
                pb.environment().put("REACTORD_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            }
            String arenas = System.getProperty("bench.malloc_arena_max", "");
            if (!arenas.isBlank()) {
                pb.environment().put("MALLOC_ARENA_MAX", arenas);
            }
            Process p = pb.start();
            long started = System.nanoTime();
            long deadline = started + 120_000_000_000L;
            while (true) {
                try {
                    if (ControlClient.call(tmp.resolve("reactord.sock"), ControlClient.request("status")).path("ready").asBoolean()) {
                        break;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    throw new IllegalStateException("daemon not ready: " + Files.readString(tmp.resolve("agent.log")));
                }
                Thread.sleep(200);
            }
            System.out.printf("ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
            Thread.sleep(10_000);
            long t0 = cpuTicks(p.pid());
            long w0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long t1 = cpuTicks(p.pid());
            long w1 = System.nanoTime();
            double cpuSeconds = (t1 - t0) / 100.0; // USER_HZ
            System.out.printf("idle daemon, %d resources: RSS %.1f MiB, CPU %.3f %% of one core over %d s%n",
                    RESOURCES, rssKib(p.pid()) / 1024.0, 100.0 * cpuSeconds / ((w1 - w0) / 1e9), seconds);
            for (String l : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                if (l.startsWith("Rss") || l.startsWith("Threads")) {
                    System.out.println("  " + l.replaceAll("\\s+", " "));
                }
            }
            p.destroy();
            p.waitFor();
        } finally {
            if (System.getProperty("bench.keep") == null) {
                try (java.util.stream.Stream<Path> all = Files.walk(tmp)) {
                    all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            } else {
                System.out.println("kept " + tmp);
            }
        }
    }

    static long rssKib(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
    }
}
