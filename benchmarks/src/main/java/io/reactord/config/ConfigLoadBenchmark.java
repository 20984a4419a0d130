package io.reactord.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints how long loading takes: a main file with the example snippets, and a snippet at the limit of
 * settings per file ({@link ConfigFiles#MAX_CONTENT_BYTES}) with hundreds of resources. Run: {@code java -cp "$BENCH_CP"
 * io.reactord.config.ConfigLoadBenchmark} (docs/benchmarks.md).
 */
public final class ConfigLoadBenchmark {
    private ConfigLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("reactord-config-bench");
        Path snippets = dir.resolve("d");
        for (String name : Fixtures.EXAMPLES) Fixtures.write(snippets, name, Fixtures.example(name));
        Path main = Fixtures.write(dir, "main.toml", "snippets = \"" + snippets + "\"\n" + Fixtures.example("main.toml"));
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (sb.length() < ConfigFiles.MAX_CONTENT_BYTES - 100) {
            sb.append("[[promoter]]\n[promoter.resources.r").append(n++).append("]\nstart = [\"a").append(n)
                    .append(".service\", \"b").append(n).append(".service\"]\n");
        }
        Path big = Fixtures.write(dir, "big.toml", sb.toString());
        ConfigLoader loader = ConfigLoader.withHost("alpha", false);

        report("main file + " + Fixtures.EXAMPLES.size() + " snippets", 300, () -> loader.loadMain(main));
        report(sb.length() / 1024 + " KiB snippet, " + n + " resources", 3, () -> loader.loadFiles(List.of(big)));
    }

    private static void report(String what, int iterations, Runnable load) {
        for (int i = 0; i < iterations; i++) load.run(); // warm-up
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) load.run();
        double ms = (System.nanoTime() - start) / 1e6 / iterations;
        System.out.printf("%-40s %10.3f ms per load%n", what, ms);
    }
}
