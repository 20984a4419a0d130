package io.reactord.events2;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Throughput of parse + reduce on realistic {@code events2 --full --timestamps} lines: 50 resources,
 * two peers, statistics moving on every poll. Single thread. Prints lines per second; not a test.
 *
 * <p>Run: {@code java -XX:+UseSerialGC -cp "$BENCH_CP" io.reactord.events2.ParseReduceBenchmark [ROUNDS WARMUP]}
 * (docs/benchmarks.md)
 */
public final class ParseReduceBenchmark {
    private ParseReduceBenchmark() {}

    static List<String> workload(int resources, int polls, long seed) {
        Random rnd = new Random(seed);
        List<String> lines = new ArrayList<>();
        String ts = "2025-03-14T10:21:07.482913+01:00 ";
        for (int p = 0; p < polls; p++) {
            String act = p == 0 ? "exists" : "change";
            for (int r = 0; r < resources; r++) {
                String n = "pvc-" + (1000 + r);
                lines.add(ts + act + " resource name:" + n + " role:Secondary suspended:no force-io-failures:no"
                        + " write-ordering:flush may_promote:no promotion_score:10103");
                for (int peer = 1; peer <= 2; peer++) {
                    lines.add(ts + act + " connection name:" + n + " peer-node-id:" + peer + " conn-name:node" + peer
                            + " connection:Connected role:" + (peer == 1 ? "Primary" : "Secondary")
                            + " congested:no ap-in-flight:" + rnd.nextInt(64) + " rs-in-flight:0");
                }
                lines.add(ts + act + " device name:" + n + " volume:0 minor:" + (1000 + r)
                        + " backing_dev:/dev/drbdpool/" + n + "_00000 disk:UpToDate client:no open:no quorum:yes"
                        + " size:10485760 read:" + rnd.nextInt(1 << 20) + " written:" + (p * 4096 + rnd.nextInt(4096))
                        + " al-writes:" + p + " bm-writes:0 upper-pending:0 lower-pending:0 al-suspended:no");
                for (int peer = 1; peer <= 2; peer++) {
                    lines.add(ts + act + " peer-device name:" + n + " peer-node-id:" + peer + " conn-name:node" + peer
                            + " volume:0 replication:Established peer-disk:UpToDate peer-client:no"
                            + " resync-suspended:no received:" + (p * 4096) + " sent:0 out-of-sync:0 pending:0"
                            + " unacked:0");
                }
            }
            if (p == 0) {
                lines.add(ts + "exists -");
            }
        }
        return lines;
    }

    /** {@code [measured rounds] [warm-up rounds]}; defaults 20 and 20 (60 001 lines a round). */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<String> lines = workload(50, 200, 1);
        long bytes = lines.stream().mapToLong(String::length).sum();
        System.out.printf("workload: %d lines, %.0f bytes/line; %d warm-up + %d measured rounds%n", lines.size(),
                (double) bytes / lines.size(), warmup, rounds);
        Rates full = new Rates();
        for (int round = 0; round < warmup + rounds; round++) {
            ClusterState s = new ClusterState();
            long changes = 0;
            long a0 = allocated();
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (String l : lines) {
                changes += s.apply(Events2Parser.parse(l)).size();
            }
            full.add(round >= warmup, lines.size(), System.nanoTime() - t0, CPU.getCurrentThreadCpuTime() - c0,
                    allocated() - a0);
            if (round == 0) {
                System.out.printf("changes per round: %d%n", changes);
            }
        }
        full.print("parse+reduce");
        Rates parse = new Rates();
        int events = 0;
        for (int round = 0; round < warmup + rounds; round++) {
            long a0 = allocated();
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (String l : lines) {
                events += Events2Parser.parse(l) instanceof Event.Unparsed ? 0 : 1;
            }
            parse.add(round >= warmup, lines.size(), System.nanoTime() - t0, CPU.getCurrentThreadCpuTime() - c0,
                    allocated() - a0);
        }
        parse.print("parse only");
        System.out.printf("(%d events parsed)%n", events);
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Bytes allocated by this thread so far (a figure that does not depend on the machine's load), or 0. */
    private static long allocated() {
        return CPU instanceof com.sun.management.ThreadMXBean
                ? ((com.sun.management.ThreadMXBean) CPU).getThreadAllocatedBytes(Thread.currentThread().getId()) : 0;
    }

    /** Lines per second of the measured rounds, wall and per CPU-second of this thread. */
    private static final class Rates {
        private final List<Double> wall = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();
        private final List<Double> bytes = new ArrayList<>();

        void add(boolean measured, int lines, long wallNanos, long cpuNanos, long allocated) {
            if (measured) {
                wall.add(lines / (wallNanos / 1e9));
                cpu.add(lines / (cpuNanos / 1e9));
                bytes.add((double) allocated / lines);
            }
        }

        void print(String what) {
            System.out.printf("%s: median %,.0f lines per CPU-second (min %,.0f, max %,.0f); wall median %,.0f lines/s"
                    + " (min %,.0f, max %,.0f); %.0f bytes allocated per line%n", what, median(cpu), min(cpu), max(cpu),
                    median(wall), min(wall), max(wall), median(bytes));
        }

        private static double median(List<Double> l) {
            List<Double> s = new ArrayList<>(l);
            s.sort(null);
            int n = s.size();
            return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        }

        private static double min(List<Double> l) {
            return l.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        }

        private static double max(List<Double> l) {
            return l.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }
}
