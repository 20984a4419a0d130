package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped reference file {@code config/reactord.toml.example} is valid and names every key. */
final class ReferenceExampleTest {

    private static final Path EXAMPLE = Path.of("reactord.toml.example");

    @TempDir
    Path dir;

    private static String text() throws IOException {
        return Files.readString(EXAMPLE);
    }

    /** The example with every "# " setting enabled and the snippets directory pointed at {@code snippets}. */
    private static String enabled(String text, Path snippets) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# ")) line = line.substring(2);
            if (line.startsWith("snippets = ")) line = "snippets = \"" + snippets + "\"";
            out.add(line);
        }
        return String.join("\n", out) + "\n";
    }

    @Test
    void example_asShipped_isValidAndEmpty() throws IOException {
        // the shipped file sets nothing; only the snippets directory is redirected away from /etc
        Path main = Fixtures.write(dir, "reactord.toml", "snippets = \"" + dir.resolve("d") + "\"\n" + text());
        LoadResult r = Fixtures.LOADER.loadMain(main);
        assertNotNull(r.config(), Fixtures.all(r.errors()));
        assertTrue(r.config().resources().isEmpty());
    }

    @Test
    void example_withEverySettingEnabled_isValidAndShowsTheDefaults() throws IOException {
        Path main = Fixtures.write(dir, "reactord.toml", enabled(text(), dir.resolve("snippets")));
        LoadResult r = Fixtures.LOADER.loadMain(main);
        assertTrue(r.errors().isEmpty(), Fixtures.all(r.errors()));
        ReactordConfig c = r.config();
        ReactordConfig defaults = Fixtures.LOADER.loadMain(
                Fixtures.write(dir, "empty.toml", "snippets = \"" + dir.resolve("snippets") + "\"\n")).config();
        assertEquals(defaults.statisticsPollInterval(), c.statisticsPollInterval());
        assertEquals(defaults.snippetsMonitoringInterval(), c.snippetsMonitoringInterval());
        assertEquals(defaults.peers(), c.peers());
        assertEquals(defaults.drbdsetup(), c.drbdsetup());
        assertEquals(defaults.unitDir(), c.unitDir());
        assertEquals(defaults.stateDir(), c.stateDir());
        assertEquals(defaults.socket(), c.socket());
        assertEquals(List.of(new PrometheusConfig(":9942", false)), c.prometheus());

        PromoterResource shown = c.resources().get("linstor_db");
        String minimal = "[promoter.resources.linstor_db]\nstart = [\"var-lib-linstor.mount\", \"linstor-controller.service\"]\n"
                + "preferred-nodes = [\"alpha\", \"beta\"]\n";
        PromoterResource byDefault = Fixtures.snippet(dir, "min.toml", minimal).config().resources().get("linstor_db");
        assertTrue(shown.sameSettings(byDefault), shown + "\n" + byDefault);
    }

    @Test
    void example_namesEveryKeyTheLoaderKnows() throws IOException {
        String text = text();
        Set<String> keys = new LinkedHashSet<>(MainBinder.MAIN_KEYS);
        keys.addAll(List.of("level", "file", "start", "stop", "runner", "dependencies-as", "target-as",
                "on-drbd-demote-failure", "secondary-force", "stop-services-on-exit", "sleep-before-promote-factor",
                "preferred-nodes", "preferred-nodes-policy", "on-quorum-loss", "on-disk-detach", "fencing-promote-delay",
                "adjust-resource-on-start", "max-failures", "failure-window", "start-timeout", "fail-back-timeout", "start-settle", "on-stop-failure", "name", "command", "env",
                "timeout", "event-type", "resource-name", "volume", "peer-node-id", "address", "enums"));
        for (String k : keys) {
            Matcher m = Pattern.compile("(?m)^#+ .*\\b" + Pattern.quote(k) + "\\b").matcher(text);
            assertTrue(m.find(), "reference example does not mention '" + k + "'");
        }
    }
}
