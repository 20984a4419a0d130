package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte path's templates ({@link StatsTemplate}): a poll that repeats the last one's lines with other
 * numbers is taken through them, and whatever a poll does differently (a state field, an odd byte, another
 * order, an object gone or new, a read that folds the statistics, a repeated dump) gives the same changes
 * and trees as the general path.
 */
final class StatsTemplateTest {
    @TempDir
    Path tmp;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Both paths after an initial dump of these lines and {@code exists -}. */
    private static BothPaths dumped(String... lines) {
        BothPaths p = new BothPaths();
        for (String l : lines) {
            p.line(utf8(l));
        }
        p.line(utf8("exists -"));
        return p;
    }

    @Test
    void applyStatistics_repeatedPolls_takenThroughTemplatesWithTheGeneralPathsTrees() throws IOException {
        Path file = tmp.resolve("full.events2");
        FullStream.generate(file, 9, 3, 30_000, 11);
        BothPaths p = new BothPaths();
        for (String l : FullStream.lines(file)) {
            p.line(utf8(l));
            if (p.lines % 1_000 == 0) {
                p.compare("after line " + p.lines);
            }
        }
        p.compare("at the end");
        assertTrue(p.templated() > p.lines * 8L / 10, p.templated() + " of " + p.lines + " lines through templates");
    }

    @Test
    void applyStatistics_stateFieldChangesInATemplatedLine_generalPathReportsIt() {
        String head = "change connection name:r0 peer-node-id:1 conn-name:node-2 connection:Connected role:";
        BothPaths p = dumped("exists resource name:r0 role:Secondary suspended:no",
                "exists connection name:r0 peer-node-id:1 conn-name:node-2 connection:Connected role:Secondary congested:no ap-in-flight:0");
        p.line(utf8(head + "Secondary congested:no ap-in-flight:1"));
        p.line(utf8(head + "Secondary congested:no ap-in-flight:2"));
        p.line(utf8(head + "Secondary congested:no ap-in-flight:3"));
        p.line(utf8(head + "Secondary congested:no ap-in-flight:4"));
        assertEquals(2, p.templated(), "the first line makes the template, the second links it to itself");
        byte[] primary = utf8(head + "Primary congested:no ap-in-flight:5");
        List<Change> changes = p.fast.applyLine(primary, 0, primary.length);
        p.general.apply(Events2Parser.parse(primary, 0, primary.length));
        assertEquals(1, changes.size(), changes.toString());
        assertEquals(Change.Field.PEER_ROLE, changes.get(0).field());
        assertEquals(2, p.templated(), "a changed state field never matches a template");
        p.line(utf8(head + "Primary congested:no ap-in-flight:6")); // the general check: the tree is new
        p.line(utf8(head + "Primary congested:no ap-in-flight:7"));
        assertEquals(3, p.templated());
        p.compare("at the end");
        assertEquals("7", p.fast.resource("r0").connections().get(1).stats().get("ap-in-flight"));
    }

    @Test
    void applyStatistics_lineLongerThanATemplate_takenByTheTokenCheckEveryTime() {
        String head = "change connection name:r0 peer-node-id:1 conn-name:node-2 connection:Connected role:Secondary ";
        BothPaths p = dumped("exists connection name:r0 peer-node-id:1 conn-name:node-2 connection:Connected role:Secondary");
        for (int i = 0; i < 5; i++) {
            p.line(utf8(head + "ap-in-flight:" + "7".repeat(StatsTemplate.MAX_BODY) + i));
        }
        assertEquals(5, p.taken, "the byte path takes them");
        assertEquals(0, p.templated(), "but never through a template");
        p.compare("at the end");
    }

    @Test
    void applyStatistics_existsLineDuringRepeatedDump_confirmedByTheGeneralPath() {
        // without statistics: nothing pending, so the dump's start (which folds pending statistics) keeps the tree
        byte[] conn = utf8("exists connection name:r0 peer-node-id:1 conn-name:node-2 connection:Connected role:Secondary");
        BothPaths p = new BothPaths();
        p.line(utf8("exists resource name:r0 role:Secondary"));
        p.line(conn);
        p.line(utf8("exists -"));
        p.line(conn);
        p.line(conn);
        p.line(conn);
        assertEquals(1, p.templated(), "an exists line outside a dump is taken as any other");
        p.beginDump();
        p.line(conn); // must count as re-reported: the general path confirms it
        p.line(utf8("exists resource name:r0 role:Secondary"));
        p.line(utf8("exists -"));
        assertEquals(1, p.templated());
        p.compare("after the repeated dump");
        assertEquals(1, p.fast.resource("r0").connections().size());
    }

    @Test
    void applyStatistics_randomPolls_bothPathsAgree() {
        for (long seed = 1; seed <= 4; seed++) {
            BothPaths p = new BothPaths();
            Polls polls = new Polls(new Random(seed));
            for (int poll = 0; poll < 400; poll++) {
                polls.poll(p, poll);
                if (poll < 40 || poll % 10 == 0) {
                    p.compare("seed " + seed + ", after poll " + poll);
                }
            }
            p.compare("seed " + seed + " at the end");
            assertTrue(p.templated() > p.lines / 4, "seed " + seed + ": " + p.templated() + " of " + p.lines);
        }
    }

    /** A small cluster printed poll after poll, each poll with its own small differences. */
    private static final class Polls {
        private final Random rnd;
        private final List<Obj> objects = new ArrayList<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Polls(Random rnd) {
            this.rnd = rnd;
            for (String name : new String[] {"r0", "r1", "r\u00e9"}) {
                objects.add(new Obj("resource", name, "name:" + name, new String[] {"role", "Secondary", "Primary",
                    "suspended", "no", "user", "may_promote", "no", "yes", "promotion_score", "10102", "10103"},
                    "x-own"));
                for (int peer = 1; peer <= 2; peer++) {
                    String conn = "name:" + name + " peer-node-id:" + peer + " conn-name:node-" + peer;
                    objects.add(new Obj("connection", name, conn, new String[] {"connection", "Connected",
                        "Connecting", "role", "Secondary", "Primary"}, "congested", "ap-in-flight", "rs-in-flight"));
                }
                for (int vol = 0; vol <= 1; vol++) {
                    objects.add(new Obj("device", name, "name:" + name + " volume:" + vol + " minor:" + (1000 + vol),
                        new String[] {"disk", "UpToDate", "Outdated", "client", "no", "yes", "quorum", "yes", "no"},
                        "size", "read", "written", "al-writes"));
                    for (int peer = 1; peer <= 2; peer++) {
                        objects.add(new Obj("peer-device", name, "name:" + name + " peer-node-id:" + peer
                            + " conn-name:node-" + peer + " volume:" + vol, new String[] {"replication",
                                "Established", "SyncSource", "peer-disk", "UpToDate", "Inconsistent"},
                            "received", "sent", "out-of-sync", "pending"));
                    }
                }
            }
        }

        private boolean chance(int perMille) {
            return rnd.nextInt(1000) < perMille;
        }

        void poll(BothPaths p, int poll) {
            boolean dump = poll == 0 || chance(30);
            boolean existsLines = dump || chance(30); // also outside a dump: a template of an exists line
            if (dump && poll > 0) {
                p.beginDump();
            }
            boolean stamps = rnd.nextBoolean();
            List<Obj> order = new ArrayList<>(objects);
            for (int i = 0; i + 1 < order.size(); i++) {
                if (chance(15)) {
                    order.set(i, order.set(i + 1, order.get(i)));
                }
            }
            for (Obj o : order) {
                if (chance(10)) {
                    continue; // not printed this time
                }
                String action = existsLines ? "exists" : "change";
                if (o.gone) {
                    action = "create";
                    o.gone = false;
                } else if (!dump && !o.kind.equals("resource") && chance(5)) {
                    o.gone = true;
                    p.line(line(stamps, "destroy " + o.kind + " " + o.id));
                    continue;
                }
                if (chance(8)) {
                    o.flip(rnd);
                }
                p.line(o.render(this, stamps, action));
                if (chance(5)) {
                    p.read(o.name, "read after " + BothPaths.text(out.toByteArray()));
                }
            }
            if (dump) {
                p.line(utf8("exists -"));
            }
        }

        private byte[] line(boolean stamps, String text) {
            out.reset();
            if (stamps) {
                put("2025-03-13T23:00:" + (10 + rnd.nextInt(50)) + ".123456Z ");
            }
            put(text);
            return out.toByteArray();
        }

        private void put(String s) {
            out.writeBytes(utf8(s));
        }

        /** A separator, now and then an odd one. */
        private String sep() {
            return chance(5) ? "  " : chance(3) ? "\t" : " ";
        }

        /** A statistics value: a number, now and then an odd one. */
        private String value() {
            if (chance(985)) {
                return Integer.toString(rnd.nextInt(chance(500) ? 10 : 1_000_000));
            }
            String[] odd = {"", "12 x", "1\u00e92", "7\u001b[0m", "3\u00000", "5->6", "9:9", "-1"};
            return odd[rnd.nextInt(odd.length)];
        }
    }

    /** One object: its identifying pairs, its state fields (each with two values) and its statistics' keys. */
    private static final class Obj {
        final String kind;
        final String name;
        final String id;
        final Map<String, String[]> states = new LinkedHashMap<>();
        final Map<String, Integer> current = new LinkedHashMap<>();
        final String[] stats;
        boolean gone;

        Obj(String kind, String name, String id, String[] states, String... stats) {
            this.kind = kind;
            this.name = name;
            this.id = id;
            for (int i = 0; i < states.length; i += 3) {
                this.states.put(states[i], new String[] {states[i + 1], states[i + 2]});
                current.put(states[i], 0);
            }
            this.stats = stats;
        }

        void flip(Random rnd) {
            List<String> keys = new ArrayList<>(states.keySet());
            String k = keys.get(rnd.nextInt(keys.size()));
            current.put(k, 1 - current.get(k));
        }

        byte[] render(Polls g, boolean stamps, String action) {
            StringBuilder b = new StringBuilder(action).append(' ').append(kind).append(' ').append(id);
            for (Map.Entry<String, String[]> s : states.entrySet()) {
                b.append(g.sep()).append(s.getKey()).append(':').append(s.getValue()[current.get(s.getKey())]);
            }
            for (String k : stats) {
                if (!g.chance(5)) {
                    b.append(g.sep()).append(k).append(':').append(g.value());
                }
            }
            if (g.chance(5)) {
                b.append(g.sep()).append(stats[0]).append(":1"); // a key twice
            }
            if (g.chance(10)) {
                b.append(g.chance(500) ? " " : g.chance(500) ? "\r\n" : "\r");
            }
            return g.line(stamps, b.toString());
        }
    }
}
