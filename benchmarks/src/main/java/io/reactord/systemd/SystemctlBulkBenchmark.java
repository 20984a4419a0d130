package io.reactord.systemd;

import io.reactord.systemd.harness.PrivateSystemd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Wall time of {@link Systemctl#show(List)} for the units of N promoter resources (a services target, a
 * promote service and 4 services each; the first resource running, the rest stopped) against a private
 * real systemd: the bulk read (busctl ListUnitsByNames plus a show of the running units) against one
 * {@code systemctl show} of every unit. Prints figures, asserts nothing.
 *
 * <p>Run as root: {@code java -cp "$BENCH_CP" io.reactord.systemd.SystemctlBulkBenchmark 100 10} (docs/benchmarks.md).
 * (resources, runs per path).
 */
public final class SystemctlBulkBenchmark {
    private SystemctlBulkBenchmark() {}

    public static void main(String[] args) throws Exception {
        int resources = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("systemctl-bulk-bench");
        try (PrivateSystemd sd = PrivateSystemd.start(dir.resolve("sd"))) {
            Path u = sd.unitDir();
            Files.writeString(u.resolve("drbd-services@.target"), "[Unit]\n");
            Files.writeString(u.resolve("drbd-promote@.service"), "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
            List<String> units = new ArrayList<>();
            for (int r = 0; r < resources; r++) {
                units.add("drbd-services@r" + r + ".target");
                units.add("drbd-promote@r" + r + ".service");
                for (int i = 0; i < 4; i++) {
                    Files.writeString(u.resolve("r" + r + "-" + i + ".service"), "[Service]\nExecStart=/bin/sleep 3600\n");
                    units.add("r" + r + "-" + i + ".service");
                }
            }
            sd.daemonReload();
            sd.systemctl("start", "drbd-services@r0.target", "drbd-promote@r0.service", "r0-0.service", "r0-1.service",
                    "r0-2.service", "r0-3.service").orThrow();
            Systemctl sc = new Systemctl(List.of("systemctl", "--user"), sd.env(), 60_000);
            System.out.printf("%d units, %d cpus, load average %s%n", units.size(), Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).strip());
            for (int warm = 0; warm < 2; warm++) {
                sc.show(units, true);
                sc.show(units, false);
            }
            long[] bulk = new long[runs];
            long[] full = new long[runs];
            for (int i = 0; i < runs; i++) { // interleaved, so that load changes hit both alike
                bulk[i] = time(sc, units, true);
                full[i] = time(sc, units, false);
            }
            report("bulk (busctl + show of running units)", bulk);
            report("full (systemctl show of every unit)", full);
            System.out.printf("load average after: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long time(Systemctl sc, List<String> units, boolean bulk) throws Exception {
        long t0 = System.nanoTime();
        Map<String, UnitState> m = sc.show(units, bulk);
        long t = System.nanoTime() - t0;
        if (m.size() != units.size()) {
            throw new IllegalStateException("read " + m.size() + " of " + units.size() + " units");
        }
        return t;
    }

    private static void report(String what, long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        System.out.printf("%-40s min %6.1f ms  median %6.1f ms  max %6.1f ms  (%d runs)%n", what, s[0] / 1e6,
                s[s.length / 2] / 1e6, s[s.length - 1] / 1e6, s.length);
    }
}
