package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzz of the loader: random bytes, random UTF-8 text (non-BMP included) and random
 * TOML-shaped documents built from the configuration's own keys and values. Whatever the input, the
 * loader returns clean {@code path:line} diagnostics: no exception, no internal error, a
 * configuration exactly when there is no error. The seed is fixed ({@code -Dreactord.fuzz.seed}
 * overrides it) and the run is bounded by a case count and a time budget.
 */
final class LoaderFuzzTest {

    private static final long SEED = Long.getLong("reactord.fuzz.seed", 0x5eed_15L);
    private static final int MAX_CASES = 600;
    private static final long BUDGET_NANOS = 8_000_000_000L;

    private static final String[] KEYS = {"promoter", "resources", "r0", "start", "stop", "runner", "target-as", "dependencies-as",
            "on-drbd-demote-failure", "secondary-force", "preferred-nodes", "metadata", "umh", "resource", "command",
            "resource-name", "old", "new", "role", "operator", "value", "prometheus", "address", "enums", "debugger", "log",
            "level", "file", "agentx", "snippets", "peers", "x y", "é", "😀"};
    private static final String[] VALUES = {"true", "false", "0", "-1", "9223372036854775807", "1e308", "nan", "-inf", "\"\"",
            "\"a.service\"", "\"ocf:heartbeat:IPaddr2 ip ip=1.2.3.4\"", "\"ocf:x:y i k='unterminated\"", "\"Primary\"",
            "\"Requires\"", "\"reboot\"", "[]", "[\"a.service\", \"b.mount\"]", "[1, \"a\"]", "{}", "{ operator = \"NotEquals\", value = \"Primary\" }",
            "\"\"\"multi\nline\"\"\"", "'''lit'''", "1979-05-27T07:32:00Z", "\"\\u0000\"", "\"reactord.service\"",
            "\"drbd-services@r0.target\"", "\"$(id)\"", "\"😀\""};

    private static final String PUNCT = "[]{}=\"'.,#\n \t\\:@$`;-_";

    @TempDir
    Path dir;

    @Test
    void load_fuzzedInput_onlyCleanDiagnostics() {
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int cases = 0;
        int valid = 0;
        while (cases < MAX_CASES && System.nanoTime() < deadline) {
            byte[] input = switch (cases % 3) {
                case 0 -> bytes(random);
                case 1 -> text(random).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                default -> document(random).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            };
            Path f = write(input);
            LoadResult r;
            try {
                r = Fixtures.LOADER.loadFiles(List.of(f));
            } catch (RuntimeException | Error e) {
                throw new AssertionError("seed " + SEED + " case " + cases + " threw " + e + " on:\n" + show(input), e);
            }
            String context = "seed " + SEED + " case " + cases + ":\n" + show(input);
            assertEquals(r.errors().isEmpty(), r.config() != null, context);
            assertEquals(r.errors().isEmpty(), r.rejected().isEmpty(), context);
            List<Diagnostic> all = new ArrayList<>(r.errors());
            all.addAll(r.warnings());
            for (Diagnostic d : all) {
                assertFalse(d.message().contains("internal error"), d + "\n" + context);
                assertFalse(d.toString().contains("\n") || d.toString().contains("\r"), d + "\n" + context);
                assertTrue(d.line() >= 0, context);
                assertEquals(f, d.file(), context);
            }
            if (r.ok()) valid++;
            cases++;
        }
        assertTrue(cases >= 30, "only " + cases + " cases ran within the time budget");
        assertTrue(valid > 0, "no generated document was valid: the generator misses the accepting paths");
    }

    private Path write(byte[] input) {
        try {
            Path f = dir.resolve("fuzz.toml");
            Files.write(f, input);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Random random) {
        byte[] b = new byte[random.nextInt(512)];
        random.nextBytes(b);
        return b;
    }

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(160);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            if (kind < 5) sb.append(PUNCT.charAt(random.nextInt(PUNCT.length())));
            else if (kind < 8) sb.append((char) ('a' + random.nextInt(26)));
            else if (kind < 9) sb.appendCodePoint(0x1F600 + random.nextInt(0x40));
            else sb.appendCodePoint(random.nextInt(0xD7FF));
        }
        return sb.toString();
    }

    /** A TOML-shaped document: headers, dotted keys and values from the vocabulary, sometimes broken. */
    private static String document(Random random) {
        StringBuilder sb = new StringBuilder();
        int lines = 1 + random.nextInt(25);
        for (int i = 0; i < lines; i++) {
            switch (random.nextInt(6)) {
                case 0 -> sb.append("[[").append(path(random)).append("]]\n");
                case 1 -> sb.append('[').append(path(random)).append("]\n");
                case 2 -> sb.append("# comment ").append(pick(random, KEYS)).append('\n');
                default -> sb.append(path(random)).append(" = ").append(pick(random, VALUES)).append('\n');
            }
            if (random.nextInt(40) == 0) sb.insert(random.nextInt(sb.length() + 1), pick(random, new String[] {"[", "\"", "=", "\n", "}"}));
        }
        if (random.nextInt(3) == 0) sb.insert(0, "[[promoter]]\n[promoter.resources.r0]\nstart = [\"a.service\"]\n");
        return sb.toString();
    }

    private static String path(Random random) {
        StringBuilder sb = new StringBuilder(key(random));
        int parts = random.nextInt(3);
        for (int i = 0; i < parts; i++) sb.append('.').append(key(random));
        return sb.toString();
    }

    private static String key(Random random) {
        String k = pick(random, KEYS);
        return k.matches("[A-Za-z0-9_-]+") ? k : "\"" + k + "\"";
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String show(byte[] input) {
        String s = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }
}
