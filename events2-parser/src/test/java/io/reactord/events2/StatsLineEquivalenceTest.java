package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte path for statistics-only lines ({@link ClusterState#applyStatistics}, {@link StatsLine}) against
 * the general one ({@link Events2Parser#parse(byte[], int, int)} then {@link ClusterState#apply}): the same
 * lines give the same {@link Change}s and the same trees (statistics key order included), compared after
 * every line, or only now and then so that statistics pile up in {@link PendingStats}.
 */
final class StatsLineEquivalenceTest {
    /** The shared capture fixtures of the project (the module's own copies are in the test resources). */
    private static final Path SHARED = Path.of("/work/shared/fixtures/events2");

    @TempDir
    Path tmp;

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    private static BothPaths run(List<byte[]> lines, boolean compareEachLine) {
        BothPaths p = new BothPaths();
        for (byte[] l : lines) {
            p.line(l);
            if (compareEachLine || p.lines % 97 == 0) {
                p.compare("after line " + p.lines + ": " + text(l));
            }
        }
        p.compare("at the end");
        return p;
    }

    private static List<byte[]> utf8(List<String> lines) {
        List<byte[]> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<List<byte[]>> fixtures() throws IOException {
        List<List<byte[]>> all = new ArrayList<>();
        for (String f : Fixtures.ALL) {
            all.add(utf8(Fixtures.lines(f)));
        }
        if (Files.isDirectory(SHARED)) {
            try (Stream<Path> files = Files.list(SHARED)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    all.add(utf8(Files.readAllLines(f).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList()));
                }
            }
        }
        return all;
    }

    @Test
    void fixtures_bothPathsAgreeAfterEveryLineAndAtTheEnd() throws IOException {
        for (List<byte[]> lines : fixtures()) { // state changes mostly: the byte path must leave them alone
            run(lines, true);
            run(lines, false);
        }
    }

    @Test
    void generatedFullStream_bothPathsAgree_andNearlyEveryLineTakesTheBytePath() throws IOException {
        Path file = tmp.resolve("full.events2");
        FullStream.generate(file, 7, 3, 20_000, 5);
        List<byte[]> lines = utf8(FullStream.lines(file));
        run(lines.subList(0, 3_000), true);
        BothPaths p = run(lines, false);
        assertTrue(p.taken > lines.size() * 9 / 10, p.taken + " of " + lines.size());
    }

    @Test
    void randomLines_bothPathsAgree() {
        for (long seed = 1; seed <= 3; seed++) {
            BothPaths p = new BothPaths();
            RandomLines g = new RandomLines(new Random(seed));
            for (int i = 0; i < 6_000; i++) {
                if (g.rnd.nextInt(700) == 0) {
                    p.beginDump();
                }
                byte[] l = g.next();
                p.line(l);
                if (seed == 1 && p.lines <= 3_000 || p.lines % 53 == 0) {
                    p.compare("seed " + seed + ", line " + p.lines + ": " + text(l));
                }
            }
            p.compare("seed " + seed + " at the end");
            assertTrue(p.taken > 600, "seed " + seed + ": " + p.taken + " of " + p.lines + " lines took the byte path");
        }
    }

    /** Lines of a small cluster, mostly statistics with unchanged state, with the odd form events2 or a bad stream has. */
    private static final class RandomLines {
        private static final String[] NAMES = {"r0", "r1", "r\u00e9"};
        private static final String[] DEVICE_STATS = {"size", "read", "written", "al-writes", "bm-writes",
            "upper-pending", "lower-pending", "al-suspended", "blocked"};
        private static final String[] PEER_STATS = {"received", "sent", "out-of-sync", "pending", "unacked",
            "dbdt1", "eta"};
        private static final String[] CONN_STATS = {"congested", "ap-in-flight", "rs-in-flight"};
        final Random rnd;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        RandomLines(Random rnd) {
            this.rnd = rnd;
        }

        private boolean chance(int percent) {
            return rnd.nextInt(100) < percent;
        }

        private String pick(String... words) {
            return words[rnd.nextInt(words.length)];
        }

        /** Usually the first (the stable value), now and then another. */
        private String mostly(String usual, String... others) {
            return chance(90) ? usual : pick(others);
        }

        private void put(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        private void sep() {
            put(chance(2) ? "\t" : chance(3) ? "  " : " ");
        }

        private void pair(String key, String value) {
            sep();
            put(key);
            put(":");
            if (chance(3)) {
                put(pick("Secondary", "no", "1", "UpToDate") + "->");
            }
            if (chance(1)) {
                out.write(0xff); // invalid UTF-8
            }
            put(value);
            if (chance(1)) {
                put(pick(" continued", "\u001b[0m", "\u0000"));
            }
        }

        private void stats(String[] keys) {
            List<String> ks = new ArrayList<>(Arrays.asList(keys));
            if (chance(10)) {
                java.util.Collections.shuffle(ks, rnd);
            }
            int n = chance(70) ? ks.size() : rnd.nextInt(ks.size() + 1);
            for (int i = 0; i < n; i++) {
                if (chance(85) || i == 0) {
                    pair(ks.get(i), chance(5) ? "" : Integer.toString(rnd.nextInt(100_000)));
                }
            }
            if (chance(3)) {
                pair(ks.get(0), "7"); // a key twice
            }
            if (chance(3)) {
                pair(pick("x-new", "peer-node-id", "minor", "status"), "3");
            }
        }

        byte[] next() {
            out.reset();
            if (chance(30)) {
                put("2025-03-13T23:00:07.1234" + rnd.nextInt(10) + "Z ");
            }
            if (chance(1)) {
                put("exists -");
                return end();
            }
            String act = chance(85) ? "change" : pick("exists", "exists", "create", "destroy", "call", "rename");
            String name = pick(NAMES);
            String peer = Integer.toString(1 + rnd.nextInt(2));
            String vol = Integer.toString(rnd.nextInt(2));
            switch (rnd.nextInt(7)) {
                case 0 -> {
                    put(act + " resource");
                    pair("name", name);
                    if (act.equals("rename")) {
                        pair("new_name", pick(NAMES));
                        return end();
                    }
                    if (chance(80)) {
                        pair("role", mostly("Secondary", "Primary", "?", "Bogus"));
                        pair("suspended", mostly("no", "user", "user,quorum", ""));
                        pair("force-io-failures", mostly("no", "yes"));
                        pair("write-ordering", mostly("flush", "drain", "w\u00e9ird"));
                        pair("may_promote", mostly("no", "yes", "maybe"));
                        pair("promotion_score", mostly("10102", "10103", "99999999999", "-1"));
                    }
                    if (chance(30)) {
                        pair("x-own", Integer.toString(rnd.nextInt(9)));
                    }
                }
                case 1, 2 -> {
                    put(act + " device");
                    pair("name", name);
                    pair("volume", chance(98) ? vol : "x");
                    if (chance(80)) {
                        pair("minor", mostly("1000", "1001", "x"));
                        pair("disk", mostly("UpToDate", "Outdated", "Bogus"));
                        pair("backing_dev", mostly("/dev/vg/" + name, "none", "/dev/\u00e9"));
                        pair("client", mostly("no", "yes", "unknown"));
                        pair("open", mostly("no", "yes"));
                        pair("quorum", mostly("yes", "no"));
                    }
                    stats(DEVICE_STATS);
                }
                case 3 -> {
                    put(act + " connection");
                    pair("name", name);
                    pair("peer-node-id", peer);
                    pair("conn-name", mostly("node-" + peer, "other", "n\u00e9"));
                    if (chance(80)) {
                        pair("connection", mostly("Connected", "Connecting", "StandAlone"));
                        pair("role", mostly("Secondary", "Primary", "Unknown"));
                    }
                    stats(CONN_STATS);
                }
                case 4, 5 -> {
                    put(act + " peer-device");
                    pair("name", name);
                    pair("peer-node-id", peer);
                    if (chance(90)) {
                        pair("conn-name", "node-" + peer);
                    }
                    pair("volume", vol);
                    if (chance(80)) {
                        pair("replication", mostly("Established", "SyncSource", "Off"));
                        pair("peer-disk", mostly("UpToDate", "Inconsistent", "DUnknown"));
                        pair("peer-client", mostly("no", "yes"));
                        pair("resync-suspended", mostly("no", "user", "peer,dependency"));
                        if (chance(20)) {
                            pair("done", mostly("37.50", "99.00"));
                        }
                    }
                    stats(PEER_STATS);
                }
                default -> {
                    put(act + " " + pick("path", "helper", "bogus"));
                    pair("name", name);
                    pair("peer-node-id", peer);
                    pair("conn-name", "node-" + peer);
                    pair("local", "ipv4:10.0.0.1:7000");
                    pair("peer", "ipv4:10.0.0." + peer + ":7000");
                    pair("established", mostly("yes", "no"));
                }
            }
            return end();
        }

        private byte[] end() {
            if (chance(5)) {
                put(pick("\r", "\r\n", "\n", " "));
            }
            return out.toByteArray();
        }
    }
}
