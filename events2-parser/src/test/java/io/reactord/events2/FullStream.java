package io.reactord.events2;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The replay-throughput stream of {@code FullStreamBenchmark} (benchmarks/): a day of {@code drbdsetup events2
 * --timestamps --statistics --full} output, generated from a seed, and the lines of a small one for tests of its
 * shape.
 */
public final class FullStream {
    private FullStream() {}

    /** Writes the stream; returns its size in bytes. */
    public static long generate(Path file, int resources, int peers, long lines, long seed) throws IOException {
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
    public static List<String> lines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                out.add(l);
            }
        }
        return out;
    }
}
