package io.reactord.systemd.bench;

import io.reactord.systemd.JobResult;
import io.reactord.systemd.SystemdClient;
import io.reactord.systemd.harness.Commands;
import io.reactord.systemd.harness.PrivateSystemd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark: one StartUnit round trip through {@link SystemdClient} (call, job queued, JobRemoved
 * received) against {@code systemctl --user start} of the same unit, in a private real systemd.
 * The unit is a oneshot running {@code /bin/true}, so every start does the same real work.
 * Prints median and p99 of both and their ratio. Needs root (see PrivateSystemd). Run:
 * {@code java -cp "$BENCH_CP" io.reactord.systemd.bench.StartUnitBenchmark [ROUNDS]} (docs/benchmarks.md).
 */
public final class StartUnitBenchmark {
    private StartUnitBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        PrivateSystemd.availability().ifPresent(why -> {
            throw new IllegalStateException("cannot run a private systemd: " + why);
        });
        Path state = Files.createTempDirectory("reactord-bench");
        try (PrivateSystemd systemd = PrivateSystemd.start(state);
                SystemdClient client = SystemdClient.forAddress(systemd.busAddress(), Duration.ofSeconds(30))) {
            Files.writeString(systemd.unitDir().resolve("bench.service"),
                    "[Service]\nType=oneshot\nExecStart=/bin/true\n");
            client.start().get(10, TimeUnit.SECONDS);
            client.daemonReload().get(10, TimeUnit.SECONDS);

            Files.writeString(systemd.unitDir().resolve("bench-active.service"),
                    "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
            client.daemonReload().get(10, TimeUnit.SECONDS);
            System.out.printf("StartUnit round trip, %d rounds each, private %s%n", rounds,
                    systemd.systemctl("--version").stdout().lines().findFirst().orElse("?"));
            measure(systemd, client, "bench.service", "oneshot /bin/true (runs each time)", rounds);
            measure(systemd, client, "bench-active.service", "unit already active (job is a no-op)", rounds);
        } finally {
            try (var files = Files.walk(state)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(PrivateSystemd systemd, SystemdClient client, String unit, String what, int rounds)
            throws Exception {
        for (int i = 0; i < 30; i++) {
            client.startUnit(unit, "replace").get(10, TimeUnit.SECONDS);
            systemd.systemctl("start", unit).orThrow();
        }
        long[] viaClient = new long[rounds];
        long[] viaSystemctl = new long[rounds];
        List<String> cmd = List.of("systemctl", "--user", "start", unit);
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            JobResult r = client.startUnit(unit, "replace").get(10, TimeUnit.SECONDS);
            viaClient[i] = System.nanoTime() - t0;
            if (r != JobResult.DONE) {
                throw new IllegalStateException("start ended " + r);
            }
            t0 = System.nanoTime();
            Commands.run(cmd, systemd.env(), 10).orThrow();
            viaSystemctl[i] = System.nanoTime() - t0;
        }
        double c50 = percentile(viaClient, 50);
        double s50 = percentile(viaSystemctl, 50);
        System.out.printf("%s:%n", what);
        System.out.printf("  SystemdClient.startUnit   median %7.2f ms  p99 %7.2f ms%n", c50, percentile(viaClient, 99));
        System.out.printf("  systemctl --user start    median %7.2f ms  p99 %7.2f ms%n", s50, percentile(viaSystemctl, 99));
        System.out.printf("  median ratio systemctl / client: %.1fx%n", s50 / c50);
    }

    private static double percentile(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(i, s.length - 1))] / 1e6;
    }
}
