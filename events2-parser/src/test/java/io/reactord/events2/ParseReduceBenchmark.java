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
 * <p>Run: {@code mvn -q -pl events2-parser test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.reactord.events2.ParseReduceBenchmark}
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

    public static void main(String[] args) {
        List<String> lines = workload(50, 200, 1);
        long bytes = lines.stream().mapToLong(String::length).sum();
        System.out.printf("workload: %d lines, %.0f bytes/line%n", lines.size(), (double) bytes / lines.size());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = 0;
        double bestCpu = 0;
        for (int round = 0; round < 15; round++) {
            ClusterState s = new ClusterState();
            long changes = 0;
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (String l : lines) {
                changes += s.apply(Events2Parser.parse(l)).size();
            }
            long dt = System.nanoTime() - t0;
            long dc = mx.getCurrentThreadCpuTime() - c0;
            double rate = lines.size() / (dt / 1e9);
            double cpuRate = lines.size() / (dc / 1e9);
            best = Math.max(best, rate);
            bestCpu = Math.max(bestCpu, cpuRate);
            System.out.printf("round %2d: %,.0f lines/s wall, %,.0f lines per CPU-second (%d changes)%n", round, rate,
                    cpuRate, changes);
        }
        System.out.printf("best: %,.0f lines/s wall, %,.0f lines per CPU-second, parse+reduce, one thread%n", best,
                bestCpu);
        double parseOnly = 0;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            int n = 0;
            for (String l : lines) {
                n += Events2Parser.parse(l) instanceof Event.Unparsed ? 0 : 1;
            }
            parseOnly = Math.max(parseOnly, lines.size() / ((System.nanoTime() - t0) / 1e9));
        }
        System.out.printf("parse only: %,.0f lines/s%n", parseOnly);
    }
}
