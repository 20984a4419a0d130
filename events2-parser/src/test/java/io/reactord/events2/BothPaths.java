package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One stream through both paths: the general one ({@link Events2Parser#parse(byte[], int, int)} then
 * {@link ClusterState#apply}) and the byte path for statistics-only lines ({@link ClusterState#applyStatistics},
 * falling back to the general one); after each line both must report the same {@link Change}s, and
 * {@link #compare} checks that they hold the same trees. Counts the lines the byte path took.
 */
final class BothPaths {
    final ClusterState general = new ClusterState();
    final ClusterState fast = new ClusterState();
    int lines;
    int taken;

    /** The line at an offset of a bigger buffer that is overwritten afterwards: nothing may keep it. */
    void line(byte[] line) {
        lines++;
        List<Change> g = general.apply(Events2Parser.parse(line, 0, line.length));
        byte[] buf = new byte[line.length + 7];
        System.arraycopy(line, 0, buf, 3, line.length);
        boolean took = fast.applyStatistics(buf, 3, 3 + line.length);
        List<Change> f = took ? List.of() : fast.apply(Events2Parser.parse(buf, 3, 3 + line.length));
        Arrays.fill(buf, (byte) '9');
        if (took) {
            taken++;
            assertEquals(List.of(), g, () -> "byte path took a line that changes something: " + text(line));
        }
        assertEquals(g, f, () -> text(line));
        assertEquals(g.toString(), f.toString(), () -> text(line));
    }

    void beginDump() {
        general.beginDump();
        fast.beginDump();
    }

    void compare(String where) {
        assertEquals(general.initialDumpComplete(), fast.initialDumpComplete(), where);
        assertEquals(general.resources(), fast.resources(), where);
        assertEquals(general.resources().toString(), fast.resources().toString(), where); // key order too
    }

    /** Reads one resource from both (the fast one folds its pending statistics) and compares them. */
    void read(String name, String where) {
        ResourceInfo g = general.resource(name);
        ResourceInfo f = fast.resource(name);
        assertEquals(g, f, where);
        assertEquals(String.valueOf(g), String.valueOf(f), where);
    }

    /** Lines the byte path took through a template ({@link StatsTemplate}). */
    long templated() {
        return fast.templatedLines();
    }

    static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }
}
