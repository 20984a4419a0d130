package io.reactord.agent.umh;

import io.reactord.config.ConfigLoader;
import io.reactord.config.LoadResult;
import io.reactord.config.UmhConfig;
import io.reactord.events2.ClusterState;
import io.reactord.events2.Event;
import io.reactord.events2.Events2Parser;
import io.reactord.events2.ResourceInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Test helpers: rules from real TOML, a state fed line by line as the event loop does, collected run reports. */
final class UmhFixture {
    final ClusterState state = new ClusterState();
    final LinkedBlockingQueue<UmhRun> runs = new LinkedBlockingQueue<>();
    final UmhRunner runner;

    UmhFixture(Path dir, String toml, UmhRunner.Options options) throws IOException {
        this.runner = new UmhRunner(rules(dir, toml), options, runs::add, null); // direct: assertions read the output
    }

    static List<UmhConfig> rules(Path dir, String toml) throws IOException {
        Path f = dir.resolve("umh-" + System.nanoTime() + ".toml");
        Files.writeString(f, toml);
        LoadResult r = ConfigLoader.loadSnippets(List.of(f));
        if (!r.ok()) {
            throw new IllegalArgumentException("bad test config: " + r.errors());
        }
        return r.config().umh();
    }

    /** One line through parser, reducer and runner, exactly as the daemon wires them. */
    int feed(String line) {
        return feed(Events2Parser.parse(line));
    }

    int feed(Event e) {
        String name = UmhEvents.resourceName(e);
        ResourceInfo before = name == null ? null : state.resource(name);
        state.apply(e);
        return runner.onEvent(e, before, name == null ? null : state.resource(name));
    }

    UmhRun nextRun() throws InterruptedException {
        UmhRun r = runs.poll(30, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no helper run reported within 30 s");
        }
        return r;
    }

    void idle() throws InterruptedException {
        if (!runner.awaitIdle(Duration.ofSeconds(30))) {
            throw new AssertionError("helpers still running after 30 s");
        }
    }

    /** {@code env} output as a map; the keys the shell sets by itself (PWD, SHLVL, _) are dropped. */
    static Map<String, String> envFile(Path f) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : Files.readAllLines(f)) {
            int eq = l.indexOf('=');
            if (eq > 0) m.put(l.substring(0, eq), l.substring(eq + 1));
        }
        m.remove("PWD");
        m.remove("SHLVL");
        m.remove("_");
        m.remove("OLDPWD");
        return m;
    }
}
