package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ClusterStateTest {

    private static List<Change> apply(ClusterState s, String... lines) {
        List<Change> out = new ArrayList<>();
        for (String l : lines) {
            out.addAll(s.apply(Events2Parser.parse(l)));
        }
        return out;
    }

    private static List<Change.Field> fields(List<Change> changes) {
        return changes.stream().map(Change::field).collect(Collectors.toList());
    }

    @Test
    void apply_initialDump_buildsTreeAndCompletesAtExistsDash() {
        ClusterState s = new ClusterState();
        List<String> lines = Fixtures.lines("events2-a-initial-exists.txt");
        for (String l : lines.subList(0, lines.size() - 1)) {
            s.apply(Events2Parser.parse(l));
        }
        assertFalse(s.initialDumpComplete());
        s.apply(Events2Parser.parse(lines.get(lines.size() - 1)));
        assertTrue(s.initialDumpComplete());
        ResourceInfo r = s.resource("r0");
        assertEquals(Role.SECONDARY, r.role());
        assertEquals(10103, r.promotionScore());
        assertEquals(DiskState.UP_TO_DATE, r.devices().get(0).disk());
        assertEquals(1000, r.devices().get(0).minor());
        assertEquals(List.of(1, 2), new ArrayList<>(r.connections().keySet()));
        assertEquals(Role.PRIMARY, r.connections().get(1).peerRole());
        assertEquals("bravo", r.connections().get(1).connName());
        assertEquals(DiskState.UP_TO_DATE, r.connections().get(2).peerDevices().get(0).peerDisk());
        assertEquals(1, r.connections().get(2).paths().size());
        assertTrue(r.peerPrimary());
        assertTrue(r.hasQuorum());
    }

    @Test
    void apply_fullTimestampedDump_sameStateAsPlain() {
        ResourceInfo plain = Fixtures.reduce(Fixtures.lines("events2-a-initial-exists.txt")).resource("r0");
        ResourceInfo full = Fixtures.reduce(Fixtures.lines("events2-a-initial-exists-full-timestamps.txt")).resource("r0");
        assertEquals(plain.role(), full.role());
        assertEquals(plain.mayPromote(), full.mayPromote());
        assertEquals(plain.devices().get(0).disk(), full.devices().get(0).disk());
        assertEquals("flush", full.writeOrdering());
        assertEquals("10485760", full.devices().get(0).stats().get("size"));
        assertEquals("734112", full.connections().get(1).peerDevices().get(0).stats().get("received"));
    }

    @Test
    void apply_primaryPeerLost_mayPromoteChangeCarriesResourceAfter() {
        ClusterState s = Fixtures.reduce(Fixtures.lines("events2-a-initial-exists.txt"));
        List<Change> changes = new ArrayList<>();
        for (String l : Fixtures.lines("events2-b-primary-peer-lost-may-promote.txt")) {
            changes.addAll(s.apply(Events2Parser.parse(l)));
        }
        Change mp = changes.stream().filter(c -> c.field() == Change.Field.MAY_PROMOTE).findFirst().orElseThrow();
        assertEquals(Boolean.FALSE, mp.oldValue());
        assertEquals(Boolean.TRUE, mp.newValue());
        assertEquals(Boolean.TRUE, mp.after().mayPromote());
        assertEquals(10102, mp.after().promotionScore());
        assertTrue(fields(changes).contains(Change.Field.PEER_ROLE));
        assertEquals(ConnectionState.CONNECTING, s.resource("r0").connections().get(1).connection());
        assertEquals(DiskState.UP_TO_DATE, s.resource("r0").devices().get(0).disk());
        assertFalse(s.resource("r0").peerPrimary());
    }

    @Test
    void apply_partialChange_mergesAndKeepsOtherKeys() {
        ClusterState s = Fixtures.reduce(Fixtures.lines("events2-a-initial-exists.txt"));
        List<Change> c = apply(s, "change resource name:r0 role:Primary");
        assertEquals(List.of(Change.Field.ROLE), fields(c));
        ResourceInfo r = s.resource("r0");
        assertEquals(Role.PRIMARY, r.role());
        assertEquals(10103, r.promotionScore());
        assertEquals(List.of(), r.suspended());
    }

    @Test
    void apply_quorumLossIoError_quorumChangePerVolume() {
        ClusterState s = new ClusterState();
        apply(s, "exists resource name:r0 role:Primary suspended:no may_promote:no promotion_score:10103",
                "exists device name:r0 volume:0 minor:1000 disk:UpToDate client:no open:yes quorum:yes", "exists -");
        List<Change> c = new ArrayList<>();
        for (String l : Fixtures.lines("events2-c-quorum-loss-io-error.txt")) {
            c.addAll(s.apply(Events2Parser.parse(l)));
        }
        Change q = c.stream().filter(x -> x.field() == Change.Field.QUORUM).findFirst().orElseThrow();
        assertEquals(0, q.volume());
        assertEquals(Boolean.FALSE, q.newValue());
        assertEquals(Role.SECONDARY, s.resource("r0").role());
    }

    @Test
    void apply_suspendIo_suspendedListAndForceIoFailures() {
        ClusterState s = new ClusterState();
        List<Change> c = new ArrayList<>();
        for (String l : Fixtures.lines("events2-c-quorum-loss-suspend-io.txt")) {
            c.addAll(s.apply(Events2Parser.parse(l)));
        }
        assertTrue(fields(c).contains(Change.Field.SUSPENDED));
        assertTrue(fields(c).contains(Change.Field.FORCE_IO_FAILURES));
        assertEquals(DiskState.INCONSISTENT, s.resource("r0").devices().get(0).disk());
        assertEquals(ReplicationState.SYNC_TARGET,
                s.resource("r0").connections().get(1).peerDevices().get(0).replication());
        assertEquals("0.00", s.resource("r0").connections().get(1).peerDevices().get(0).done());
    }

    @Test
    void apply_childBeforeParent_createdOnDemand() {
        ClusterState s = new ClusterState();
        List<Change> c = apply(s,
                "create peer-device name:x peer-node-id:3 conn-name:delta volume:0 replication:Off peer-disk:DUnknown");
        assertEquals(List.of(Change.Field.RESOURCE_CREATED, Change.Field.CONNECTION_CREATED,
                Change.Field.PEER_DEVICE_CREATED, Change.Field.REPLICATION, Change.Field.PEER_DISK), fields(c));
        ConnectionInfo conn = s.resource("x").connections().get(3);
        assertEquals("delta", conn.connName());
        assertNull(conn.connection());
        assertNotNull(c.get(0).after().connections().get(3));
    }

    @Test
    void apply_destroyOfUnknownObjects_ignored() {
        ClusterState s = new ClusterState();
        assertEquals(List.of(), apply(s, "destroy resource name:ghost", "destroy device name:ghost volume:0",
                "destroy connection name:ghost peer-node-id:1 conn-name:x",
                "destroy peer-device name:ghost peer-node-id:1 conn-name:x volume:0",
                "destroy path name:ghost peer-node-id:1 conn-name:x local:a peer:b"));
        assertTrue(s.resources().isEmpty());
    }

    @Test
    void apply_destroyConnection_removesPeerDevicesAndPaths() {
        ClusterState s = Fixtures.reduce(Fixtures.lines("events2-a-initial-exists.txt"));
        List<Change> c = apply(s, "destroy connection name:r0 peer-node-id:1 conn-name:bravo");
        assertEquals(List.of(Change.Field.CONNECTION_DESTROYED), fields(c));
        assertFalse(s.resource("r0").connections().containsKey(1));
        assertFalse(s.resource("r0").peerPrimary());
    }

    @Test
    void apply_destroyResource_afterIsNull() {
        ClusterState s = Fixtures.reduce(Fixtures.lines("events2-a-initial-exists.txt"));
        List<Change> c = apply(s, "destroy resource name:r0");
        assertEquals(Change.Field.RESOURCE_DESTROYED, c.get(0).field());
        assertNull(c.get(0).after());
        assertNull(s.resource("r0"));
    }

    @Test
    void apply_rename_movesTreeAndLaterLinesUseNewName() {
        ClusterState s = Fixtures.reduce(Fixtures.lines("events2-a-initial-exists.txt"));
        List<Change> c = apply(s, "rename resource name:r0 new_name:data", "change resource name:data role:Primary");
        assertEquals(List.of(Change.Field.RENAMED, Change.Field.ROLE), fields(c));
        assertNull(s.resource("r0"));
        assertEquals("data", s.resource("data").name());
        assertEquals(3 - 1, s.resource("data").connections().size());
        assertEquals(Role.PRIMARY, s.resource("data").role());
    }

    @Test
    void apply_unparsedAndHelperLines_changeNothing() {
        ClusterState s = Fixtures.reduce(Fixtures.lines("events2-a-initial-exists.txt"));
        ResourceInfo before = s.resource("r0");
        assertEquals(List.of(), apply(s, "garbage in the middle", "\u0000\u0001", "call helper name:r0 helper:fence-peer"));
        assertEquals(before, s.resource("r0"));
    }

    @Test
    void beginDump_sameDumpAgain_noChanges() {
        List<String> dump = Fixtures.lines("events2-a-initial-exists.txt");
        ClusterState s = Fixtures.reduce(dump);
        s.beginDump();
        assertFalse(s.initialDumpComplete());
        List<Change> c = apply(s, dump.toArray(new String[0]));
        assertEquals(List.of(), c);
        assertTrue(s.initialDumpComplete());
    }

    @Test
    void beginDump_objectMissingFromNewDump_destroyedAtExistsDash() {
        List<String> dump = Fixtures.lines("events2-a-initial-exists.txt");
        ClusterState s = Fixtures.reduce(dump);
        s.beginDump();
        List<String> without = new ArrayList<>();
        for (String l : dump) {
            if (!l.contains("bravo")) {
                without.add(l);
            }
        }
        List<Change> c = apply(s, without.toArray(new String[0]));
        assertEquals(List.of(Change.Field.PEER_DEVICE_DESTROYED, Change.Field.CONNECTION_DESTROYED), fields(c));
        assertFalse(s.resource("r0").connections().containsKey(1));
        assertTrue(s.resource("r0").connections().containsKey(2));
    }

    @Test
    void apply_destroyDevice_dropsPeerDevicesOfThatVolume() {
        ClusterState s = Fixtures.reduce(Fixtures.lines("events2-a-initial-exists.txt"));
        List<Change> c = apply(s, "destroy device name:r0 volume:0 minor:1000");
        assertTrue(fields(c).contains(Change.Field.DEVICE_DESTROYED));
        assertTrue(s.resource("r0").devices().isEmpty());
        assertTrue(s.resource("r0").connections().get(1).peerDevices().isEmpty());
        for (Change x : c) {
            assertEquals(s.resource("r0"), x.after());
        }
    }

    @Test
    void apply_garbageInTheMiddle_finalStateUnchanged() {
        List<String> clean = new ArrayList<>(Fixtures.lines("events2-a-initial-exists.txt"));
        clean.addAll(Fixtures.lines("events2-b-primary-peer-lost-may-promote.txt"));
        List<String> dirty = new ArrayList<>();
        for (String l : clean) {
            dirty.add(l);
            dirty.add("\u00ff\u00fe junk " + l.length());
            dirty.add("change resource");
        }
        assertEquals(Fixtures.reduce(clean).resources(), Fixtures.reduce(dirty).resources());
    }

    @Test
    void resources_namesOutOfOrderAndRenamed_iterateAscendingAndStayReadOnly() {
        ClusterState s = new ClusterState();
        apply(s, "exists resource name:c role:Secondary", "exists resource name:a role:Secondary",
                "exists resource name:b role:Primary", "rename resource name:c new_name:0", "destroy resource name:a",
                "change resource name:b role:Secondary");
        assertEquals(List.of("0", "b"), List.copyOf(s.resources().keySet()));
        assertEquals(Role.SECONDARY, s.resources().get("b").role());
        assertEquals(s.resource("0"), s.resources().values().iterator().next());
        assertFalse(s.resources().containsKey("a"));
        assertThrows(UnsupportedOperationException.class, () -> s.resources().remove("b"));
        assertEquals(2, Map.copyOf(s.resources()).size());
    }
}
