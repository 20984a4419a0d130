package io.reactord.it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.config.ConfigLoader;
import io.reactord.config.DependencyKind;
import io.reactord.config.LoadResult;
import io.reactord.config.OcfEntry;
import io.reactord.config.PromoterResource;
import io.reactord.it.ClusterConfig;
import io.reactord.sim.SimResourceSpec;
import io.reactord.sim.SimTiming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 36 runs the usual linstor_db next to a resource whose snippet is written as LINSTOR Gateway writes its own. */
final class GatewaySnippetTest {

    private static ClusterConfig config() {
        return GatewayScenarios.all().get(0).configure(ClusterConfig.standard(SimTiming.fast()));
    }

    @Test
    void config_gatewayScenario_keepsLinstorDbAsAlwaysAndAddsTheGatewayResource() {
        ClusterConfig c = config();
        assertEquals(ClusterConfig.standard(SimTiming.fast()).snippet(), c.snippet());
        assertEquals(List.of(GatewayScenarios.GW), List.copyOf(c.extraResources().keySet()));
        String s = c.extraResources().get(GatewayScenarios.GW);
        assertTrue(s.startsWith("[[promoter]]\n[promoter.metadata]\nlinstor-gateway-schema-version = 1\n"
                + "[promoter.resources." + GatewayScenarios.GW + "]\n"), s);
    }

    @Test
    void simResources_extraResource_getsTheNextMinorAndPort() {
        List<SimResourceSpec> r = config().simResources();
        assertEquals(List.of(ClusterConfig.RESOURCE, GatewayScenarios.GW), r.stream().map(SimResourceSpec::name).toList());
        assertEquals(List.of(1000, 1001), r.stream().map(SimResourceSpec::firstMinor).toList());
        assertEquals(List.of(7000, 7001), r.stream().map(SimResourceSpec::port).toList());
        assertEquals(List.of(ClusterConfig.RESOURCE),
                ClusterConfig.standard(SimTiming.fast()).simResources().stream().map(SimResourceSpec::name).toList());
    }

    @Test
    void snippet_metadataOption_goesIntoAMetadataTableAheadOfTheResource() {
        String s = ClusterConfig.standard(SimTiming.fast()).with(ClusterConfig.METADATA + "schema", "1").snippet();
        assertTrue(s.startsWith("[[promoter]]\n[promoter.metadata]\nschema = 1\n[promoter.resources."
                + ClusterConfig.RESOURCE + "]\n"), s);
        assertTrue(!s.contains("metadata."), s);
    }

    @Test
    void loadSnippets_bothFiles_loadWithTheQuotedOcfValuesUnquoted(@TempDir Path dir) throws Exception {
        ClusterConfig c = config();
        Path main = dir.resolve(ClusterConfig.RESOURCE + ".toml");
        Path gw = dir.resolve(GatewayScenarios.GW + ".toml");
        Files.writeString(main, c.snippet());
        Files.writeString(gw, c.extraResources().get(GatewayScenarios.GW).replace(ClusterConfig.NODE_DIR, "/run/node a"));
        LoadResult r = ConfigLoader.loadSnippets(List.of(main, gw));
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(ClusterConfig.START_UNITS, r.config().resources().get(ClusterConfig.RESOURCE).start());
        PromoterResource p = r.config().resources().get(GatewayScenarios.GW);
        assertEquals(DependencyKind.BINDS_TO, p.targetAs());
        assertTrue(p.stopServicesOnExit());
        assertEquals(2, p.start().size());
        OcfEntry o = OcfEntry.parse(p.start().get(1));
        assertEquals("export_" + GatewayScenarios.GW, o.instance());
        assertEquals(Map.of("state", "/run/node a/" + GatewayScenarios.STATES.get(1),
                "fake", "rw,all_squash,anonuid=0,anongid=0"), o.params());
        assertEquals(GatewayScenarios.UNITS, p.start().stream()
                .map(e -> PromoterResource.ocf(e).unitName(GatewayScenarios.GW)).toList());
    }
}
