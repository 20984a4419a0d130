package io.reactord.ctl;

import io.reactord.systemd.harness.PrivateSystemd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wall time of {@code bin/reactorctl status} (the daemon down, the common 3 a.m. case) against a private
 * real systemd with 3 promoter resources of 4 units each and a fake drbdsetup, with and without the
 * class-data sharing archive; also the JVM's own start-up for comparison. Prints figures, asserts nothing.
 *
 * <p>Run from the checkout after {@code mvn -pl agent -am package -DskipTests}:
 * {@code mvn -q -pl agent exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.reactord.ctl.StatusWallTimeBenchmark -Dexec.args=20}
 */
public final class StatusWallTimeBenchmark {
    private StatusWallTimeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path root = Path.of(System.getProperty("user.dir")).toRealPath();
        if (!Files.exists(root.resolve("bin/reactorctl"))) {
            root = root.getParent();
        }
        Path launcher = root.resolve("bin/reactorctl");
        Path jar = root.resolve("agent/target/reactord.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " missing: run mvn -pl agent -am package -DskipTests first");
        }
        Path tmp = Files.createTempDirectory("reactorctl-bench");
        try (PrivateSystemd sd = PrivateSystemd.start(tmp.resolve("sd"))) {
            CtlFixture fx = new CtlFixture(tmp.resolve("cfg"));
            Path u = sd.unitDir();
            Files.writeString(u.resolve("drbd-services@.target"), "[Unit]\n");
            Files.writeString(u.resolve("drbd-promote@.service"), "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
            List<String> lines = new ArrayList<>();
            for (String r : List.of("r0", "r1", "r2")) {
                List<String> start = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Files.writeString(u.resolve(r + "-" + i + ".service"), "[Service]\nExecStart=/bin/sleep 3600\n");
                    start.add("\"" + r + "-" + i + ".service\"");
                }
                fx.snippet(r + ".toml", "[[promoter]]\n[promoter.resources." + r + "]\nstart = [" + String.join(", ", start) + "]\n");
                lines.add("exists resource name:" + r + " role:Primary suspended:no may_promote:no");
                lines.add("exists connection name:" + r + " peer-node-id:1 conn-name:beta connection:Connected role:Secondary");
                lines.add("exists device name:" + r + " volume:0 minor:0 disk:UpToDate client:no quorum:yes");
                lines.add("exists peer-device name:" + r + " peer-node-id:1 conn-name:beta volume:0 replication:Established peer-disk:UpToDate");
            }
            lines.add("exists -");
            fx.events2(lines.toArray(String[]::new));
            sd.daemonReload();
            sd.systemctl("start", "drbd-services@r0.target", "drbd-promote@r0.service", "r0-0.service", "r0-1.service").orThrow();

            Map<String, String> env = new HashMap<>(sd.env());
            env.put("REACTORCTL_SYSTEMCTL", "systemctl --user");
            Path archive = tmp.resolve("reactorctl.jsa");
            List<String> status = List.of(launcher.toString(), "status", "-c", fx.main.toString());

            System.out.printf("machine: %d cpus, load average %s%n", Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).strip());
            report("java -version (JVM start only)", runs, List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-version"), env);
            env.put("REACTORCTL_CDS_ARCHIVE", "none");
            report("reactorctl status, no CDS archive", runs, status, env);
            env.put("REACTORCTL_CDS_ARCHIVE", archive.toString());
            run(status, env); // the first status run writes the archive
            report("reactorctl status, CDS archive", runs, status, env);
        }
    }

    private static void report(String what, int runs, List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        List<Double> ms = new ArrayList<>();
        run(cmd, env); // warm the page cache
        for (int i = 0; i < runs; i++) {
            ms.add(run(cmd, env));
        }
        Collections.sort(ms);
        System.out.printf("%-40s runs %3d  min %6.1f  median %6.1f  p90 %6.1f ms%n", what, runs, ms.get(0),
                ms.get(ms.size() / 2), ms.get((int) Math.min(ms.size() - 1, Math.round(ms.size() * 0.9))));
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
