package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables other tools write into drbd-reactor configurations: accepted as drbd-reactor accepts them. */
final class CompatTablesTest {

    @TempDir
    Path dir;

    @Test
    void promoterMetadata_anyKeys_acceptedAndIgnored() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[promoter]]\n[promoter.metadata]\nlinstor-gateway-schema-version = 1\n"
                + "whatever = \"x\"\nnested = { a = 1 }\n[promoter.resources.r0]\nstart = [\"a.service\"]\n");
        assertTrue(r.ok(), Fixtures.all(r.errors()));
        assertTrue(r.warnings().isEmpty(), Fixtures.all(r.warnings()));
    }

    @Test
    void promoterMetadata_notATable_isError() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[promoter]]\nmetadata = 1\n[promoter.resources.r0]\nstart = []\n");
        assertEquals(1, r.errors().size(), Fixtures.all(r.errors()));
        assertTrue(r.errors().get(0).message().contains("'metadata' must be a table"));
    }

    @Test
    void logInSnippet_isAddedToTheLoggers() {
        Path d = dir.resolve("d");
        Fixtures.write(d, "a.toml", "[[log]]\nlevel = \"debug\"\nfile = \"/var/log/drbd-reactor.log\"\n");
        Path main = Fixtures.write(dir, "reactord.toml", "snippets = \"" + d + "\"\n[[log]]\nlevel = \"warn\"\n");
        LoadResult r = Fixtures.LOADER.loadMain(main);
        assertTrue(r.ok(), Fixtures.all(r.errors()));
        assertEquals(List.of(new LogConfig("warn", null), new LogConfig("debug", Path.of("/var/log/drbd-reactor.log"))), r.config().logs());
    }

    @Test
    void logOnlyInSnippet_replacesTheDefault_noneAnywhere_isDefault() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[log]]\nlevel = \"trace\"\n");
        assertEquals(List.of(new LogConfig("trace", null)), r.config().logs());
        assertEquals(List.of(LogConfig.DEFAULT), Fixtures.snippet(dir, "y.toml", "# empty\n").config().logs());
    }

    @Test
    void logInSnippet_badLevel_isErrorAndFileRejected() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[log]]\nlevel = \"loud\"\n");
        assertFalse(r.ok());
        assertTrue(r.errors().get(0).message().startsWith("'level' must be one of"), Fixtures.all(r.errors()));
    }

    @Test
    void debuggerInSnippet_isAccepted() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[debugger]]\nid = \"debugger\"\n");
        assertTrue(r.ok(), Fixtures.all(r.errors()));
        assertEquals(1, r.config().debugger().size());
    }

    @Test
    void snippetsMonitoringInterval_isParsedInTheMainFile() {
        Path main = Fixtures.write(dir, "reactord.toml", "snippets = \"" + dir.resolve("none") + "\"\nsnippets-monitoring-interval = 120\n");
        LoadResult r = Fixtures.LOADER.loadMain(main);
        assertTrue(r.ok(), Fixtures.all(r.errors()));
        assertEquals(Duration.ofSeconds(120), r.config().snippetsMonitoringInterval());
    }
}
