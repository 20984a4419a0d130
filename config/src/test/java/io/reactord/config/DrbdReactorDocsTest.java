package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reactorctl check} gives drbd-reactor's verdict on every configuration example of
 * drbd-reactor's own documentation (example/drbd-reactor.toml, doc/*.md, the man pages) and on a
 * LINSTOR Gateway snippet. The fixtures in {@code drbd-reactor-docs/} hold the examples' keys and values.
 */
final class DrbdReactorDocsTest {

    @TempDir
    Path dir;

    /** Fixture, whether drbd-reactor accepts it. Files named *-main.toml are main files, the others snippets. */
    private static final Map<String, Boolean> VERDICTS = new LinkedHashMap<>();

    static {
        VERDICTS.put("example-main.toml", true);
        VERDICTS.put("example-plugins.toml", true);
        VERDICTS.put("toml-man-main.toml", true);
        VERDICTS.put("promoter-md-services.toml", true);
        VERDICTS.put("promoter-md-ocf-ipaddr2.toml", true);
        VERDICTS.put("promoter-md-demote-failure.toml", true);
        VERDICTS.put("promoter-md-ocf-filesystem.toml", true);
        // drbd-reactor appends snippets to the main file, so this table joins the [[promoter]] of the file before
        // it; on its own its plugin list would be a table, not an array. reactord takes it as one promoter
        // either way (docs/configuration.md, "Differences from drbd-reactor").
        VERDICTS.put("promoter-man-table-only.toml", true);
        VERDICTS.put("prometheus-man-snippet.toml", true);
        VERDICTS.put("prometheus-md.toml", true);
        VERDICTS.put("debugger-man-snippet.toml", true);
        VERDICTS.put("agentx-md.toml", true);
        VERDICTS.put("umh-md-change.toml", true);
        VERDICTS.put("umh-man-slack.toml", true);
        VERDICTS.put("umh-operator-dotted.toml", true);
        VERDICTS.put("umh-caveats.toml", true);
        VERDICTS.put("umh-operator-without-value.toml", false);
        VERDICTS.put("linstor-gateway-nfs.toml", true);
    }

    private static String fixture(String name) {
        try (InputStream in = DrbdReactorDocsTest.class.getResourceAsStream("drbd-reactor-docs/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource drbd-reactor-docs/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LoadResult load(String name) {
        Path f = Fixtures.write(dir, name, fixture(name));
        return name.endsWith("-main.toml") ? Fixtures.LOADER.loadMain(f) : Fixtures.LOADER.loadFiles(List.of(f));
    }

    @Test
    void check_everyDocumentedExample_drbdReactorsVerdict() {
        StringBuilder wrong = new StringBuilder();
        for (Map.Entry<String, Boolean> e : VERDICTS.entrySet()) {
            LoadResult r = load(e.getKey());
            if (r.ok() != e.getValue()) {
                wrong.append(e.getKey()).append(": expected ").append(e.getValue() ? "OK" : "INVALID").append(", got\n")
                        .append(Fixtures.all(r.errors()));
            }
        }
        assertEquals("", wrong.toString());
    }

    @Test
    void check_operatorWithoutValue_errorOnTheRedefinedKey() {
        LoadResult r = load("umh-operator-without-value.toml");
        assertEquals(1, r.errors().size(), Fixtures.all(r.errors()));
        assertEquals(6, r.errors().get(0).line());
    }

    @Test
    void check_linstorGatewaySnippet_typedAsTheGatewayMeansIt() {
        LoadResult r = load("linstor-gateway-nfs.toml");
        assertTrue(r.ok(), Fixtures.all(r.errors()));
        PromoterResource p = r.config().resources().get("nfs1");
        assertEquals(DependencyKind.BINDS_TO, p.targetAs());
        assertTrue(p.stopServicesOnExit());
        assertEquals(6, p.startUnits().size());
        assertEquals("ocf.rs@export_1_0_nfs1.service", p.startUnits().get(3));
        OcfEntry export = PromoterResource.ocf(p.start().get(3));
        assertEquals("rw,all_squash,anonuid=0,anongid=0", export.params().get("options"));
        assertEquals("/srv/gateway-exports/nfs1/tickle", PromoterResource.ocf(p.start().get(5)).params().get("tickle_dir"));
    }
}
