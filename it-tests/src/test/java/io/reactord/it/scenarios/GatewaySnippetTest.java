package io.reactord.it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.config.ConfigLoader;
import io.reactord.config.DependencyKind;
import io.reactord.config.LoadResult;
import io.reactord.config.OcfEntry;
import io.reactord.config.PromoterResource;
import io.reactord.it.ClusterConfig;
import io.reactord.sim.SimTiming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 36's snippet is written as LINSTOR Gateway writes its own and loads as such. */
final class GatewaySnippetTest {

    private static ClusterConfig config() {
        return GatewayScenarios.all().get(0).configure(ClusterConfig.standard(SimTiming.fast()));
    }

    @Test
    void metadataTableComesFirstAndHoldsOnlyTheMetadataKeys() {
        String s = config().snippet();
        assertTrue(s.startsWith("[[promoter]]\n[promoter.metadata]\nlinstor-gateway-schema-version = 1\n"
                + "[promoter.resources." + ClusterConfig.RESOURCE + "]\n"), s);
        assertTrue(!s.contains("metadata."), s);
    }

    @Test
    void loadsWithTheQuotedOcfValuesUnquoted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("gateway.toml");
        Files.writeString(f, config().snippet().replace(ClusterConfig.NODE_DIR, "/run/node a"));
        LoadResult r = ConfigLoader.loadSnippets(List.of(f));
        assertTrue(r.ok(), r.errors().toString());
        PromoterResource p = r.config().resources().get(ClusterConfig.RESOURCE);
        assertEquals(DependencyKind.BINDS_TO, p.targetAs());
        assertTrue(p.stopServicesOnExit());
        assertEquals(3, p.start().size());
        OcfEntry o = OcfEntry.parse(p.start().get(1));
        assertEquals("fs_res", o.instance());
        assertEquals(Map.of("state", "/run/node a/" + GatewayScenarios.STATE,
                "fake", "rw,all_squash,anonuid=0,anongid=0"), o.params());
    }
}
