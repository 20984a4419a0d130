package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistics-only lines take the reducer's fast path (no tree rebuilt until someone reads): readers must
 * see exactly what a rebuild on every line gave, at any moment and whatever the lines that follow.
 */
final class ClusterStateStatisticsTest {
    @TempDir
    Path tmp;

    private static final String[] DUMP = {
        "exists resource name:r0 role:Secondary suspended:no may_promote:no promotion_score:10102 write-ordering:flush",
        "exists connection name:r0 peer-node-id:1 conn-name:bravo connection:Connected role:Primary congested:no",
        "exists device name:r0 volume:0 minor:1000 disk:UpToDate client:no quorum:yes size:100 read:1 written:2",
        "exists peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 replication:Established"
                + " peer-disk:UpToDate peer-client:no resync-suspended:no received:10 sent:20 out-of-sync:0",
        "exists -",
    };

    private static ClusterState state(String... lines) {
        ClusterState s = new ClusterState();
        apply(s, lines);
        return s;
    }

    private static List<Change> apply(ClusterState s, String... lines) {
        List<Change> out = new ArrayList<>();
        for (String l : lines) {
            out.addAll(s.apply(Events2Parser.parse(l)));
        }
        return out;
    }

    private static PeerDeviceInfo peerDevice(ClusterState s) {
        return s.resource("r0").connections().get(1).peerDevices().get(0);
    }

    @Test
    void apply_statisticsOnlyLines_visibleInTheNextSnapshotWithoutChanges() {
        ClusterState s = state(DUMP);
        List<Change> changes = apply(s,
                "change peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 received:11 sent:21",
                "change device name:r0 volume:0 read:5 written:6",
                "change connection name:r0 peer-node-id:1 conn-name:bravo congested:yes",
                "change resource name:r0 write-ordering:flush unknown-key:7");
        assertEquals(List.of(), changes);
        ResourceInfo r = s.resource("r0");
        assertEquals(Map.of("received", "11", "sent", "21", "out-of-sync", "0"), peerDevice(s).stats().toMap());
        assertEquals(List.of("received", "sent", "out-of-sync"), List.copyOf(peerDevice(s).stats().toMap().keySet()));
        assertEquals(Map.of("size", "100", "read", "5", "written", "6"), r.devices().get(0).stats().toMap());
        assertEquals("yes", r.connections().get(1).stats().get("congested"));
        assertEquals("7", r.stats().get("unknown-key"));
        assertEquals(DiskState.UP_TO_DATE, peerDevice(s).peerDisk());
    }

    @Test
    void apply_statisticsOnlyLine_treeNotRebuiltUntilRead() {
        ClusterState s = state(DUMP);
        ResourceInfo built = s.resource("r0");
        apply(s, "change peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 received:11",
                "change device name:r0 volume:0 read:5");
        assertSame(built, s.slot("r0").value);
        assertTrue(s.slot("r0").pending != null);
        apply(s, "change device name:r0 volume:0 disk:Outdated");
        assertNull(s.slot("r0").pending);
        assertEquals("11", peerDevice(s).stats().get("received"));
    }

    @Test
    void resource_readTwiceWithoutNewLines_sameInstance() {
        ClusterState s = state(DUMP);
        apply(s, "change peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 received:11");
        assertSame(s.resource("r0"), s.resource("r0"));
        assertSame(s.resource("r0"), s.resources().get("r0"));
    }

    @Test
    void apply_statisticsAfterASnapshot_snapshotUnchanged() {
        ClusterState s = state(DUMP);
        ResourceInfo before = s.resource("r0");
        apply(s, "change peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 received:99");
        assertEquals("10", before.connections().get(1).peerDevices().get(0).stats().get("received"));
        assertEquals("99", peerDevice(s).stats().get("received"));
    }

    @Test
    void apply_stateChangeAfterPendingStatistics_changeCarriesTreeWithAllStatistics() {
        ClusterState s = state(DUMP);
        apply(s, "change device name:r0 volume:0 written:7",
                "change peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 received:11");
        List<Change> changes = apply(s,
                "change peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 peer-disk:Outdated sent:30");
        assertEquals(1, changes.size());
        Change c = changes.get(0);
        assertEquals(Change.Field.PEER_DISK, c.field());
        PeerDeviceInfo pd = c.after().connections().get(1).peerDevices().get(0);
        assertEquals(DiskState.OUTDATED, pd.peerDisk());
        assertEquals(Map.of("received", "11", "sent", "30", "out-of-sync", "0"), pd.stats().toMap());
        assertEquals("7", c.after().devices().get(0).stats().get("written"));
        assertSame(c.after(), s.resource("r0"));
    }

    @Test
    void apply_destroyAfterPendingStatistics_recreatedObjectStartsEmpty() {
        ClusterState s = state(DUMP);
        apply(s, "change peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 received:11",
                "change connection name:r0 peer-node-id:1 conn-name:bravo congested:yes",
                "destroy connection name:r0 peer-node-id:1 conn-name:bravo",
                "create connection name:r0 peer-node-id:1 conn-name:bravo connection:Connecting");
        ConnectionInfo c = s.resource("r0").connections().get(1);
        assertTrue(c.stats().isEmpty(), c.toString());
        assertTrue(c.peerDevices().isEmpty());
        apply(s, "destroy resource name:r0");
        assertNull(s.resource("r0"));
    }

    @Test
    void apply_renameAfterPendingStatistics_newNameKeepsThem() {
        ClusterState s = state(DUMP);
        apply(s, "change device name:r0 volume:0 written:8", "rename resource name:r0 new_name:r1");
        assertEquals("8", s.resource("r1").devices().get(0).stats().get("written"));
    }

    @Test
    void apply_repeatedDumpAfterPendingStatistics_nothingDestroyedAndStatisticsKept() {
        ClusterState s = state(DUMP);
        apply(s, "change device name:r0 volume:0 written:8");
        s.beginDump();
        List<Change> changes = apply(s, DUMP);
        assertEquals(List.of(), changes);
        assertEquals("2", s.resource("r0").devices().get(0).stats().get("written"));
    }

    /** The same lines, read after every line or only at the end, give the same changes and the same trees. */
    private static void assertReadsDoNotMatter(List<String> lines) {
        ClusterState eager = new ClusterState();
        ClusterState lazy = new ClusterState();
        List<Change> eagerChanges = new ArrayList<>();
        List<Change> lazyChanges = new ArrayList<>();
        for (String l : lines) {
            Event e = Events2Parser.parse(l);
            eagerChanges.addAll(eager.apply(e));
            eager.resources().values().forEach(r -> { });
            lazyChanges.addAll(lazy.apply(e));
        }
        assertEquals(eagerChanges, lazyChanges);
        assertEquals(eager.resources(), lazy.resources());
    }

    @Test
    void apply_everyFixture_readsAfterEachLineOrAtTheEndAgree() {
        for (String f : Fixtures.ALL) {
            assertReadsDoNotMatter(Fixtures.lines(f));
        }
    }

    @Test
    void apply_generatedFullStream_snapshotHoldsEachObjectsLastStatistics() throws Exception {
        Path file = tmp.resolve("full.events2");
        FullStream.generate(file, 7, 3, 20_000, 3);
        List<String> lines = FullStream.lines(file);
        assertReadsDoNotMatter(lines);
        ClusterState s = new ClusterState();
        Map<String, Attrs> last = new HashMap<>(); // every --full line carries all of its object's statistics
        for (String l : lines) {
            Event e = Events2Parser.parse(l);
            s.apply(e);
            if (e instanceof Event.Device d) {
                last.put(d.name() + "/d" + d.volume(), d.other());
            } else if (e instanceof Event.PeerDevice p) {
                last.put(p.name() + "/p" + p.peerNodeId() + "/" + p.volume(), p.other());
            } else if (e instanceof Event.Connection c) {
                last.put(c.name() + "/c" + c.peerNodeId(), c.other());
            }
        }
        int checked = 0;
        for (ResourceInfo r : s.resources().values()) {
            for (DeviceInfo d : r.devices().values()) {
                assertEquals(last.get(r.name() + "/d" + d.volume()), d.stats());
                checked++;
            }
            for (ConnectionInfo c : r.connections().values()) {
                assertEquals(last.get(r.name() + "/c" + c.peerNodeId()), c.stats());
                for (PeerDeviceInfo p : c.peerDevices().values()) {
                    assertEquals(last.get(r.name() + "/p" + c.peerNodeId() + "/" + p.volume()), p.stats());
                    checked++;
                }
                checked++;
            }
        }
        assertEquals(last.size(), checked);
        assertEquals(7 * 7, checked);
    }
}
