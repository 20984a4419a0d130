package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCF start entries split as drbd-reactor splits them, named as its units, and checked against OCF_ROOT. */
final class OcfEntryTest {

    @TempDir
    Path dir;

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void parse_drbdReactorsOwnCase_sameParamsAndUnit() throws Exception {
        OcfEntry e = OcfEntry.parse("ocf:vendor1:agent1 name1\nk1=v1 \nk2=\"with whitespace\" k3=with\\ different\\ whitespace foo empty='' pass='*pass/'");
        assertEquals(new OcfEntry("vendor1", "agent1", "name1", map("k1", "v1", "k2", "with whitespace",
                "k3", "with different whitespace", "foo", "", "empty", "", "pass", "*pass/")), e);
        assertEquals("ocf.rs@name1_res1.service", e.unitName("res1"));
        assertEquals(Path.of("/usr/lib/ocf/resource.d/vendor1/agent1"), e.agentPath(OcfEntry.DEFAULT_OCF_ROOT));
        assertEquals("ocf.rs@name\\x2d1_res\\x2d1.service", OcfEntry.parse("ocf:vendor1:agent1 name-1 do not care").unitName("res-1"));
    }

    @Test
    void parse_linstorGatewayQuoting_keepsValues() throws Exception {
        OcfEntry e = OcfEntry.parse("ocf:heartbeat:exportfs export_0 directory=/srv/gateway-exports/nfs1/vol clientspec=10.0.0.0/16"
                + " options='rw,all_squash,anonuid=0,anongid=0' fsid=9c9f0e3b-1c11-4e2b-9f0a-4f9c9b3d6f1e wait_for_leasetime_on_stop=true");
        assertEquals("rw,all_squash,anonuid=0,anongid=0", e.params().get("options"));
        assertEquals("10.0.0.0/16", e.params().get("clientspec"));
        assertEquals(List.of("directory", "clientspec", "options", "fsid", "wait_for_leasetime_on_stop"), List.copyOf(e.params().keySet()));
        assertEquals(Map.of("OCF_RESKEY_ip", "10.43.7.223", "OCF_RESKEY_cidr_netmask", "16"),
                OcfEntry.parse("ocf:heartbeat:IPaddr2 ip ip=10.43.7.223 cidr_netmask=16").environment());
    }

    @Test
    void parse_doubleQuotedEscapes_asShell() throws Exception {
        OcfEntry e = OcfEntry.parse("ocf:heartbeat:Dummy d a=\"x\\\"y\\$z\\q\" b=p\\ q c='it''s' # comment k=v");
        assertEquals(map("a", "x\"y$z\\q", "b", "p q", "c", "its"), e.params());
    }

    @Test
    void parse_badEntries_sayWhy() {
        assertEquals("has no instance id; expected \"ocf:VENDOR:AGENT INSTANCE [KEY=VALUE ...]\"",
                assertThrows(OcfEntry.Invalid.class, () -> OcfEntry.parse("ocf:heartbeat:Dummy")).getMessage());
        assertTrue(assertThrows(OcfEntry.Invalid.class, () -> OcfEntry.parse("ocf:heartbeat:Dummy d a='x"))
                .getMessage().contains("single quote"));
        assertTrue(assertThrows(OcfEntry.Invalid.class, () -> OcfEntry.parse("ocf:Dummy d")).getMessage()
                .contains("ocf:VENDOR:AGENT"));
        assertTrue(assertThrows(OcfEntry.Invalid.class, () -> OcfEntry.parse("ocf:..:x d")).getMessage()
                .contains("not a vendor and agent file name"));
        assertTrue(assertThrows(OcfEntry.Invalid.class, () -> OcfEntry.parse("ocf:heartbeat:Dummy d =v")).getMessage()
                .contains("no valid name"));
        assertTrue(assertThrows(OcfEntry.Invalid.class, () -> OcfEntry.parse("ocf:heartbeat:Dummy d a=1 a=2")).getMessage()
                .contains("twice"));
    }

    @Test
    void load_agentNotInstalled_isErrorOnItsLine() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[promoter]]\n[promoter.resources.r0]\nstart = [\n\"a.service\",\n"
                + "\"ocf:heartbeat:NoSuchAgent x k=v\",\n]\n");
        assertEquals(List.of(dir.resolve("x.toml") + ":5: 'start' entry \"ocf:heartbeat:NoSuchAgent x k=v\": OCF agent"
                + " ocf:heartbeat:NoSuchAgent is not installed (no " + Fixtures.OCF_ROOT.resolve("resource.d/heartbeat/NoSuchAgent")
                + "; install the package that provides it, e.g. resource-agents, or set OCF_ROOT)"),
                r.errors().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void load_agentNotExecutable_isError() throws Exception {
        Path root = dir.resolve("ocf");
        Path agent = root.resolve("resource.d/acme/Thing");
        Files.createDirectories(agent.getParent());
        Files.writeString(agent, "#!/bin/sh\n");
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rw-r--r--"));
        Path f = Fixtures.write(dir, "x.toml", "[[promoter]]\n[promoter.resources.r0]\nstart = [\"ocf:acme:Thing t\"]\n");
        LoadResult r = ConfigLoader.withHost("alpha", false).withOcfRoot(root).loadFiles(List.of(f));
        assertTrue(Fixtures.all(r.errors()).contains("OCF agent " + agent + " is not an executable file"), Fixtures.all(r.errors()));
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(ConfigLoader.withHost("alpha", false).withOcfRoot(root).loadFiles(List.of(f)).ok());
    }

    @Test
    void load_ocfEntry_typedOnTheResource() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[promoter]]\n[promoter.resources.nfs1]\nstart = [\"ocf:heartbeat:IPaddr2 ip"
                + " ip=10.0.0.5 cidr_netmask=24\", \"nfs.service\"]\n");
        assertTrue(r.ok(), Fixtures.all(r.errors()));
        PromoterResource p = r.config().resources().get("nfs1");
        assertEquals(List.of("ocf.rs@ip_nfs1.service", "nfs.service"), p.startUnits());
        assertEquals("IPaddr2", PromoterResource.ocf(p.start().get(0)).agent());
        assertEquals(null, PromoterResource.ocf(p.start().get(1)));
    }
}
