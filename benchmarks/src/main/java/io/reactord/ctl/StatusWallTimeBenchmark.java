package io.reactord.ctl;

import io.reactord.systemd.harness.PrivateSystemd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wall time of {@code bin/reactorctl status} against a private real systemd with N promoter resources of 4
 * units each (the first one active here) and a fake drbdsetup: with the daemon running (the status comes
 * from its {@code report}) and without it (reactorctl reads the configuration, systemd and DRBD itself),
 * with the launcher's class-data sharing archive, written by a run without the daemon for "daemon down" and
 * by one with it for "daemon up" and "daemon gone" (stopped after that); also the JVM's own start-up. Prints
 * figures, asserts nothing.
 *
 * <p>Run from the checkout's top directory, as root: {@code java -cp "$BENCH_CP" io.reactord.ctl.StatusWallTimeBenchmark 20 3 100}
 * (docs/benchmarks.md)
 * (runs per case, then the resource counts). {@code REACTORD_BENCH_DAEMON_OPTS} adds JVM options to the daemon
 * (e.g. {@code -XX:StartFlightRecording=filename=/tmp/daemon.jfr,settings=profile} to profile the reports).
 */
public final class StatusWallTimeBenchmark {
    private StatusWallTimeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(3, 100);
        }
        Path root = Path.of(System.getProperty("user.dir")).toRealPath();
        while (!Files.exists(root.resolve("bin/reactorctl")) && root.getParent() != null) {
            root = root.getParent(); // run from agent/reactorctl or agent/
        }
        Path jar = root.resolve("agent/target/reactord.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " missing: run mvn -pl agent -am package -DskipTests first");
        }
        Path tmp = Files.createTempDirectory("reactorctl-bench");
        Path privateJar = Files.copy(jar, tmp.resolve("reactord.jar")); // other builds may replace the checkout's
        System.out.printf("machine: %d cpus, load average %s%n", Runtime.getRuntime().availableProcessors(), load());
        report("java -version (JVM start only)", runs, List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-XX:-UsePerfData", "-version"), Map.of());
        try {
            for (int n : sizes) {
                bench(root.resolve("bin/reactorctl"), privateJar, tmp.resolve("n" + n), n, runs);
            }
        } finally {
            try (java.util.stream.Stream<Path> all = Files.walk(tmp)) {
                all.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.printf("load average after: %s%n", load());
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static void bench(Path launcher, Path jar, Path dir, int n, int runs) throws Exception {
        try (PrivateSystemd sd = PrivateSystemd.start(dir.resolve("sd"))) {
            CtlFixture fx = new CtlFixture(dir.resolve("cfg"));
            Path u = sd.unitDir();
            Files.writeString(u.resolve("drbd-services@.target"), "[Unit]\n");
            Files.writeString(u.resolve("drbd-promote@.service"), "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
            List<String> lines = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                List<String> start = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Files.writeString(u.resolve("r" + r + "-" + i + ".service"), "[Service]\nExecStart=/bin/sleep 3600\n");
                    start.add("\"r" + r + "-" + i + ".service\"");
                }
                fx.snippet("r" + r + ".toml", "[[promoter]]\n[promoter.resources.r" + r + "]\nstart = [" + String.join(", ", start)
                        + "]\nadjust-resource-on-start = false\n");
                String me = r == 0 ? "Primary" : "Secondary";
                String peer = r == 0 ? "Secondary" : "Primary";
                lines.add("exists resource name:r" + r + " role:" + me + " suspended:no may_promote:no");
                lines.add("exists connection name:r" + r + " peer-node-id:1 conn-name:beta connection:Connected role:" + peer);
                lines.add("exists device name:r" + r + " volume:0 minor:" + r + " disk:UpToDate client:no quorum:yes");
                lines.add("exists peer-device name:r" + r + " peer-node-id:1 conn-name:beta volume:0 replication:Established peer-disk:UpToDate");
            }
            lines.add("exists -");
            Files.writeString(fx.dir.resolve("dump"), String.join("\n", lines) + "\n");
            // events2 --now prints the dump; the daemon's events2 --full --poll gets it and then waits
            fx.script("case $1 in events2) cat " + fx.dir.resolve("dump") + "; [ \"$2\" = --now ] || exec sleep 100000;; esac\nexit 0\n");
            Files.writeString(fx.main, "\nunit-dir = \"" + u + "\"\nstate-dir = \"" + dir.resolve("state") + "\"\n"
                    + Files.readString(fx.main).replaceFirst("(?s)\\[peers\\].*", ""), java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
            sd.daemonReload();
            sd.systemctl("start", "drbd-services@r0.target", "drbd-promote@r0.service", "r0-0.service", "r0-1.service",
                    "r0-2.service", "r0-3.service").orThrow();

            Map<String, String> env = new HashMap<>(sd.env());
            env.put("REACTORCTL_SYSTEMCTL", "systemctl --user");
            env.put("REACTORD_JAR", jar.toString());
            env.put("REACTORCTL_CDS_ARCHIVE", dir.resolve("reactorctl.jsa").toString());
            List<String> status = List.of(launcher.toString(), "status", "-c", fx.main.toString());

            run(status, env); // daemon down: writes the archive of the full command's classes
            report("status, " + n + " resources, daemon down", runs, status, env);

            Path shim = dir.resolve("shim");
            Files.writeString(shim, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
            List<String> daemonCmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            String opts = System.getenv("REACTORD_BENCH_DAEMON_OPTS"); // e.g. a flight recording, for profiling
            if (opts != null && !opts.isBlank()) {
                daemonCmd.addAll(List.of(opts.trim().split("\\s+")));
            }
            daemonCmd.addAll(List.of("-cp", jar.toString(), "io.reactord.agent.ReactordMain", "-c", fx.main.toString(),
                    "--hostname", "alpha", "--shim", shim.toString(), "--drbdadm", "/nonexistent/drbdadm"));
            ProcessBuilder pb = new ProcessBuilder(daemonCmd)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile());
            pb.environment().putAll(env);
            Process daemon = pb.start();
            try {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!Files.exists(fx.socket) || !daemonAnswers(launcher, fx, env)) {
                    if (System.nanoTime() > deadline || !daemon.isAlive()) {
                        throw new IllegalStateException("daemon not up: " + Files.readString(dir.resolve("daemon.log")));
                    }
                    Thread.sleep(200);
                }
                reportOnly(fx, n, runs, daemon.toHandle());
                Files.deleteIfExists(dir.resolve("reactorctl.jsa"));
                run(status, env); // daemon up: the archive of the quick path's classes
                report("status, " + n + " resources, daemon up", runs, status, env);
            } finally {
                daemon.destroy();
                daemon.waitFor();
            }
            // the 3 a.m. case: the daemon is gone, the archive was written by a run that had it
            report("status, " + n + " resources, daemon gone", runs, status, env);
        }
    }

    /** The daemon's share: the report request alone, from this JVM. */
    private static void reportOnly(CtlFixture fx, int n, int runs, ProcessHandle daemon) throws Exception {
        long cpu0 = daemon.info().totalCpuDuration().orElse(java.time.Duration.ZERO).toNanos();
        io.reactord.agent.control.ReportRequest req = new io.reactord.agent.control.ReportRequest(fx.main, List.of(), List.of(),
                false, false, false);
        io.reactord.agent.control.ControlClient client = new io.reactord.agent.control.ControlClient(fx.socket,
                java.time.Duration.ofMinutes(1));
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            long t0 = System.nanoTime();
            client.report(req); // a refusal throws
            if (i > 0) {
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(ms);
        System.out.printf("%-40s runs %3d  min %6.1f  median %6.1f  p90 %6.1f  max %6.1f ms   daemon CPU %5.0f ms per report%n",
                "report request alone, " + n + " resources", runs, ms.get(0), ms.get(ms.size() / 2),
                ms.get((int) Math.min(ms.size() - 1, Math.round(ms.size() * 0.9))), ms.get(ms.size() - 1),
                (daemon.info().totalCpuDuration().orElse(java.time.Duration.ZERO).toNanos() - cpu0) / 1e6 / (runs + 1));
    }

    private static boolean daemonAnswers(Path launcher, CtlFixture fx, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(launcher.toString(), "status", "--json", "-c", fx.main.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.contains("\"running\":true") && out.contains("\"state\":\"ACTIVE\"");
    }

    private static void report(String what, int runs, List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        List<Double> ms = new ArrayList<>();
        run(cmd, env); // warm the page cache
        String before = load();
        for (int i = 0; i < runs; i++) {
            ms.add(run(cmd, env));
        }
        Collections.sort(ms);
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < Math.min(runs, 10); i++) {
            cpu.add(cpu(cmd, env));
        }
        Collections.sort(cpu);
        System.out.printf("%-40s runs %3d  min %6.1f  median %6.1f  p90 %6.1f  max %6.1f ms   CPU median %5.0f ms   load %s%n", what,
                runs, ms.get(0), ms.get(ms.size() / 2), ms.get((int) Math.min(ms.size() - 1, Math.round(ms.size() * 0.9))),
                ms.get(ms.size() - 1), cpu.get(cpu.size() / 2), before.substring(0, before.indexOf(' ', before.indexOf(' ') + 1)));
    }

    /** User + system CPU of one run and its children, in ms (bash's time), less sensitive to the load than wall time. */
    private static double cpu(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("bash", "-c", "TIMEFORMAT='%3U %3S'; time \"$@\" >/dev/null 2>&1", "bash"));
        c.addAll(cmd);
        ProcessBuilder pb = new ProcessBuilder(c).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes()).strip();
        p.waitFor();
        String[] us = err.substring(err.lastIndexOf('\n') + 1).split(" ");
        return (Double.parseDouble(us[0]) + Double.parseDouble(us[1])) * 1000;
    }

    private static double run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        int rc = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (rc != 0) {
            throw new IllegalStateException(cmd + " exited " + rc);
        }
        return ms;
    }
}
