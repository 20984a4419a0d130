package io.reactord.events2;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The replay-throughput stream and its in-process figure. {@code generate FILE} writes a day of
 * {@code drbdsetup events2 --timestamps --statistics --full} output: 200 resources with 3 peers each (a
 * resource, a device and per peer a connection and a peer-device line: 1 600 lines a poll), the initial
 * dump with {@code exists -}, then one poll a minute with moving statistics and now and then a peer
 * disconnecting and coming back, cut at 2 000 201 lines (about 417 MB). {@code FILE [ROUNDS]} reads the
 * file through {@link LineFramer} into {@link ClusterState#applyLine} (with {@code --general}:
 * {@link Events2Parser#parse(byte[], int, int)} and {@link ClusterState#apply}) on one thread, from memory (the file is loaded first), and prints lines per
 * CPU-second of that thread per round. Not a test.
 *
 * The stream itself is written by {@code FullStream} (events2-parser's test sources, whose tests check its shape).
 *
 * <p>Run: see docs/benchmarks.md ({@code generate /tmp/full.events2}, then the same with only the file).
 */
public final class FullStreamBenchmark {
    static final int RESOURCES = 200;
    static final int PEERS = 3;
    static final long LINES = 2_000_201;

    private FullStreamBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("generate")) {
            long bytes = FullStream.generate(Path.of(args[1]), RESOURCES, PEERS, LINES, 1);
            System.out.printf("%s: %,d lines, %,d bytes%n", args[1], LINES, bytes);
            return;
        }
        boolean general = args.length > 0 && args[0].equals("--general");
        if (general) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length < 1) {
            System.err.println("usage: FullStreamBenchmark generate FILE | [--general] FILE [ROUNDS]");
            System.exit(2);
        }
        byte[] data = Files.readAllBytes(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.println(general ? "general path: Events2Parser.parse, then ClusterState.apply"
                : "ClusterState.applyLine (statistics-only lines from their bytes)");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            ClusterState s = new ClusterState();
            long[] counts = new long[2];
            LineFramer f = new LineFramer(LineFramer.DEFAULT_MAX_LINE, new LineFramer.Sink() {
                @Override
                public void line(byte[] buf, int from, int to) {
                    counts[0]++;
                    counts[1] += general ? s.apply(Events2Parser.parse(buf, from, to)).size()
                            : s.applyLine(buf, from, to).size();
                }

                @Override
                public void overlong(long number, long length) {
                    counts[0]++;
                }
            });
            long a0 = allocated(cpu);
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int off = 0; off < data.length; off += 1 << 16) {
                f.accept(data, off, Math.min(1 << 16, data.length - off));
            }
            f.end();
            double cpuS = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            double wallS = (System.nanoTime() - t0) / 1e9;
            double perLine = (double) (allocated(cpu) - a0) / counts[0];
            System.out.printf("round %d: %,d lines, %,d changes, %d resources; %.3f CPU-s (%,.0f lines per CPU-second),"
                    + " %.3f s wall (%,.0f lines/s); %.0f bytes allocated per line%n", r + 1, counts[0], counts[1],
                    s.resources().size(), cpuS, counts[0] / cpuS, wallS, counts[0] / wallS, perLine);
        }
    }

    /** Bytes allocated by this thread so far (independent of the machine's load), or 0. */
    private static long allocated(ThreadMXBean cpu) {
        return cpu instanceof com.sun.management.ThreadMXBean
                ? ((com.sun.management.ThreadMXBean) cpu).getThreadAllocatedBytes(Thread.currentThread().getId()) : 0;
    }
}
