package io.reactord.events2;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
 * <p>Run: {@code java -XX:+UseSerialGC -cp events2-parser/target/classes:events2-parser/target/test-classes
 * io.reactord.events2.FullStreamBenchmark generate /tmp/full.events2}, then the same with only the file.
 */
public final class FullStreamBenchmark {
    static final int RESOURCES = 200;
    static final int PEERS = 3;
    static final long LINES = 2_000_201;

    private FullStreamBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("generate")) {
            long bytes = generate(Path.of(args[1]), RESOURCES, PEERS, LINES, 1);
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

    /** Writes the stream; returns its size in bytes. */
    static long generate(Path file, int resources, int peers, long lines, long seed) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Writer w = new Writer(o, resources, peers, lines, seed);
            w.run();
            return w.bytes;
        }
    }

    /** One stream's generator: state per resource and peer, a clock that advances a minute per poll. */
    private static final class Writer {
        private final OutputStream o;
        private final int resources;
        private final int peers;
        private final long lines;
        private final Random rnd;
        private final long[] written;
        private final long[] received;
        private final boolean[] down;
        private LocalDateTime clock = LocalDateTime.of(2025, 3, 13, 23, 0, 7);
        private String stamp;
        private int micros;
        private long count;
        long bytes;

        Writer(OutputStream o, int resources, int peers, long lines, long seed) {
            this.o = o;
            this.resources = resources;
            this.peers = peers;
            this.lines = lines;
            this.rnd = new Random(seed);
            this.written = new long[resources];
            this.received = new long[resources * peers];
            this.down = new boolean[resources * peers];
        }

        void run() throws IOException {
            tick();
            poll("exists");
            emit("exists -");
            while (count < lines) {
                clock = clock.plusMinutes(1);
                tick();
                poll("change");
            }
        }

        private void tick() {
            stamp = clock.toString() + ".";
            micros = 100_000 + rnd.nextInt(400_000);
        }

        private void poll(String act) throws IOException {
            for (int r = 0; r < resources && count < lines; r++) {
                String n = "res-" + (1000 + r * 7919 % 9000);
                boolean primary = r % (peers + 1) == 0;
                if (act.equals("change") && rnd.nextInt(2000) == 0) {
                    int p = r * peers + rnd.nextInt(peers);
                    down[p] = !down[p];
                }
                emit(act + " resource name:" + n + " role:" + (primary ? "Primary" : "Secondary")
                        + " suspended:no force-io-failures:no write-ordering:flush may_promote:no promotion_score:"
                        + (10_102 + connected(r)));
                for (int p = 0; p < peers; p++) {
                    int i = r * peers + p;
                    emit(act + " connection name:" + n + " peer-node-id:" + (p + 1) + " conn-name:node-" + (p + 2)
                            + " connection:" + (down[i] ? "Connecting" : "Connected") + " role:"
                            + (down[i] ? "Unknown" : !primary && p == r % peers ? "Primary" : "Secondary")
                            + " congested:no ap-in-flight:" + rnd.nextInt(64) + " rs-in-flight:0");
                }
                written[r] += rnd.nextInt(1 << 20);
                emit(act + " device name:" + n + " volume:0 minor:" + (1000 + r) + " backing_dev:/dev/drbdpool/" + n
                        + "_00000 disk:UpToDate client:no open:" + (primary ? "yes" : "no") + " quorum:yes size:10485760"
                        + " read:" + rnd.nextInt(1 << 20) + " written:" + written[r] + " al-writes:" + (count >> 12)
                        + " bm-writes:0 upper-pending:0 lower-pending:0 al-suspended:no");
                for (int p = 0; p < peers; p++) {
                    int i = r * peers + p;
                    received[i] += rnd.nextInt(1 << 16);
                    emit(act + " peer-device name:" + n + " peer-node-id:" + (p + 1) + " conn-name:node-" + (p + 2)
                            + " volume:0 replication:" + (down[i] ? "Off" : "Established") + " peer-disk:"
                            + (down[i] ? "DUnknown" : "UpToDate") + " peer-client:no resync-suspended:no received:"
                            + received[i] + " sent:0 out-of-sync:0 pending:0 unacked:0");
                }
            }
        }

        private int connected(int r) {
            int c = 0;
            for (int p = 0; p < peers; p++) {
                c += down[r * peers + p] ? 0 : 1;
            }
            return c;
        }

        private void emit(String body) throws IOException {
            if (count >= lines) {
                return;
            }
            micros += 13 + rnd.nextInt(20);
            String us = Integer.toString(Math.min(999_999, micros));
            String line = stamp + "000000".substring(us.length()) + us + "Z " + body + "\n";
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            o.write(b);
            bytes += b.length;
            count++;
        }
    }

    /** For tests of the generator's shape: every line of a small stream. */
    static List<String> lines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                out.add(l);
            }
        }
        return out;
    }
}
