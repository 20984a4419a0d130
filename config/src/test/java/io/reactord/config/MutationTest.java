package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of the valid examples: the loader must never throw, never report an internal
 * error, give a configuration exactly when there are no errors, and keep every message on one line
 * with a line number inside the file.
 */
final class MutationTest {

    private static final long SEED = 20261125L;
    private static final int PER_EXAMPLE = 100;
    private static final String[] TOKENS = {"[", "]", "[[", "]]", "{", "}", "=", "\"", "'", "\"\"\"", ".", ",", "#",
            "\n", " ", "\t", "\\", "true", "1", "-1", "1.5", "\"x\"", "[]", "{}", "\u0000", "\u00e9", "\r", "promoter",
            "resources", "start", "umh", "/", "@", "ocf:", "inf", "1979-05-27"};
    private static final String[] VALUES = {"true", "0", "-7", "99999999999999999999", "2.5", "\"\"", "\"a/b\"", "[]",
            "[1, \"a\"]", "{}", "{ operator = \"NotEquals\", value = 1 }", "\"10m\"", "\"x.service\"", "nan"};

    @TempDir
    Path dir;

    @Test
    void load_randomMutationsOfValidFiles_neverThrowAndStayConsistent() {
        Random random = new Random(SEED);
        int invalid = 0;
        int total = 0;
        for (String name : Fixtures.EXAMPLES) {
            String original = Fixtures.example(name);
            for (int i = 0; i < PER_EXAMPLE; i++) {
                String mutated = mutate(original, random, 1 + random.nextInt(3));
                Path f = Fixtures.write(dir, "m" + (total % 7) + ".toml", mutated);
                LoadResult r = Fixtures.LOADER.loadFiles(List.of(f));
                total++;
                String context = name + " mutation " + i + ":\n" + mutated;
                assertEquals(r.errors().isEmpty(), r.config() != null, context);
                if (!r.errors().isEmpty()) invalid++;
                int lines = mutated.split("\n", -1).length + 1;
                List<Diagnostic> all = new ArrayList<>(r.errors());
                all.addAll(r.warnings());
                for (Diagnostic d : all) {
                    assertFalse(d.message().contains("internal error"), d + "\n" + context);
                    assertFalse(d.toString().contains("\n") || d.toString().contains("\r"), d + "\n" + context);
                    assertTrue(d.line() >= 0 && d.line() <= lines, d + "\n" + context);
                    assertEquals(f, d.file(), context);
                }
            }
        }
        // the mutations must actually exercise the error paths
        assertTrue(invalid > total / 3, invalid + " of " + total + " mutations were invalid");
    }

    @Test
    void load_mainFileMutations_neverThrow() {
        Random random = new Random(SEED + 1);
        Path snippets = dir.resolve("d");
        Fixtures.write(snippets, "p.toml", Fixtures.example("promoter-minimal.toml"));
        String main = "snippets = \"" + snippets + "\"\n" + Fixtures.example("main.toml")
                + "drbdsetup = \"drbdsetup\"\nsocket = \"/run/x.sock\"\n";
        for (int i = 0; i < 150; i++) {
            Path f = Fixtures.write(dir, "main.toml", mutate(main, random, 1 + random.nextInt(3)));
            LoadResult r = Fixtures.LOADER.loadMain(f);
            assertNotNull(r);
            assertEquals(r.errors().isEmpty(), r.config() != null);
            for (Diagnostic d : r.errors()) assertFalse(d.message().contains("internal error"), d.toString());
        }
    }

    static String mutate(String text, Random random, int times) {
        String s = text;
        for (int t = 0; t < times; t++) {
            if (s.isEmpty()) s = "x";
            int at = random.nextInt(s.length());
            List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
            int li = random.nextInt(lines.size());
            switch (random.nextInt(8)) {
                case 0 -> s = s.substring(0, at) + s.substring(at + 1);
                case 1 -> s = s.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + s.substring(at);
                case 2 -> {
                    lines.add(li, lines.get(li));
                    s = String.join("\n", lines);
                }
                case 3 -> {
                    lines.remove(li);
                    s = String.join("\n", lines);
                }
                case 4 -> {
                    int lj = random.nextInt(lines.size());
                    String x = lines.get(li);
                    lines.set(li, lines.get(lj));
                    lines.set(lj, x);
                    s = String.join("\n", lines);
                }
                case 5 -> {
                    String line = lines.get(li);
                    int eq = line.indexOf('=');
                    if (eq > 0) lines.set(li, line.substring(0, eq + 1) + " " + VALUES[random.nextInt(VALUES.length)]);
                    s = String.join("\n", lines);
                }
                case 6 -> s = s.substring(0, at);
                default -> s = s.substring(0, at) + (char) random.nextInt(0x80) + s.substring(at + 1);
            }
        }
        return s;
    }
}
