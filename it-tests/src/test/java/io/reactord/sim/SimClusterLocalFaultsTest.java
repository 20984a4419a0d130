package io.reactord.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.events2.Event;
import io.reactord.events2.Events2Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SimClusterLocalFaultsTest {

    private static SimCluster three() {
        SimCluster c = SimCluster.threeNodes(SimTiming.fast(), SimResourceSpec.simple("r0"));
        c.settle();
        return c;
    }

    @Test
    void failDemote_primary_plainAndForcedRefusedUntilReboot() {
        SimCluster c = three();
        c.promote("alpha", "r0", false);
        c.failDemote("alpha", "r0", true);
        ToolResult plain = c.demote("alpha", "r0", false);
        ToolResult forced = c.demote("alpha", "r0", true);
        assertEquals(11, plain.exitCode());
        assertEquals("r0: State change failed: (-12) Device is held open by someone\n", forced.stderr());
        assertEquals(11, forced.exitCode());
        assertEquals(Role.PRIMARY, c.role("alpha", "r0"));
        c.crash("alpha");
        c.restart("alpha");
        c.settle();
        assertEquals(Role.SECONDARY, c.role("alpha", "r0"));
        c.promote("alpha", "r0", false);
        assertTrue(c.demote("alpha", "r0", false).success(), "a reboot clears the fault");
    }

    @Test
    void failHandshakes_connectingStorm_cyclesUntilCleared() {
        SimCluster c = three();
        Recorder r = Recorder.on(c, "charlie");
        int from = r.lines.size();
        c.failHandshakes("charlie", "alpha", true);
        c.runFor(1000);
        long failures = r.since(from).stream()
                .filter(l -> l.contains("conn-name:alpha connection:ProtocolError")).count();
        assertTrue(failures >= 5, "a handshake attempt fails every connect delay, saw " + failures);
        assertEquals(ConnState.CONNECTED, c.connection("charlie", "r0", "bravo"), "other links are untouched");
        for (String l : r.since(from)) {
            assertNull(Events2Grammar.check(l), l);
        }
        c.failHandshakes("charlie", "alpha", false);
        c.runFor(500);
        assertEquals(ConnState.CONNECTED, c.connection("charlie", "r0", "alpha"));
        assertEquals(ConnState.CONNECTED, c.connection("alpha", "r0", "charlie"));
    }

    @Test
    void standAlone_bothPeers_noQuorumNoReconnectUntilConnect() {
        SimCluster c = three();
        c.standAlone("charlie", "alpha", true);
        c.standAlone("charlie", "bravo", true);
        c.runFor(2000);
        assertEquals(ConnState.STANDALONE, c.connection("charlie", "r0", "alpha"));
        assertEquals(ConnState.CONNECTING, c.connection("alpha", "r0", "charlie"));
        assertFalse(c.quorum("charlie", "r0", 0));
        assertTrue(c.quorum("alpha", "r0", 0), "two of three keep quorum");
        c.standAlone("charlie", "alpha", false);
        c.standAlone("charlie", "bravo", false);
        c.settle();
        assertEquals(ConnState.CONNECTED, c.connection("charlie", "r0", "alpha"));
        assertTrue(c.quorum("charlie", "r0", 0));
    }

    @Test
    void destroyResource_secondary_destroyLinesChildrenFirstThenCreateOnUp() {
        SimCluster c = three();
        Recorder r = Recorder.on(c, "charlie");
        int from = r.lines.size();
        assertTrue(c.destroyResource("charlie", "r0").success());
        c.settle();
        List<String> down = r.since(from);
        int pd = r.indexOf(from, "destroy peer-device name:r0");
        int conn = r.indexOf(from, "destroy connection name:r0");
        int dev = r.indexOf(from, "destroy device name:r0");
        int res = r.indexOf(from, "destroy resource name:r0");
        assertTrue(pd >= 0 && pd < conn && conn < dev && dev < res, "children first: " + down);
        assertEquals("destroy resource name:r0", r.lines.get(res));
        assertEquals(10, c.promote("charlie", "r0", false).exitCode(), "an unknown resource cannot be promoted");
        assertTrue(c.resourceDown("charlie", "r0"));
        int up = r.lines.size();
        c.createResource("charlie", "r0");
        c.settle();
        assertTrue(r.indexOf(up, "create resource name:r0") >= 0, r.since(up).toString());
        assertTrue(r.indexOf(up, "create device name:r0") >= 0);
        assertEquals(ConnState.CONNECTED, c.connection("charlie", "r0", "alpha"));
        assertEquals(DiskState.UP_TO_DATE, c.disk("charlie", "r0", 0));
        for (String l : r.lines) {
            if (!l.startsWith("destroy ")) {
                assertNull(Events2Grammar.check(l), l); // destroy lines carry only the identifying keys
            }
            assertFalse(Events2Parser.parse(l) instanceof Event.Unparsed, l);
        }
    }

    @Test
    void destroyResource_primary_refused() {
        SimCluster c = three();
        c.promote("alpha", "r0", false);
        ToolResult r = c.destroyResource("alpha", "r0");
        assertEquals(11, r.exitCode());
        assertFalse(c.resourceDown("alpha", "r0"));
    }

    @Test
    void renameResource_printsRenameAndNewNameUntilRenamedBack() {
        SimCluster c = three();
        Recorder r = Recorder.on(c, "charlie");
        Recorder peer = Recorder.on(c, "alpha");
        int from = r.lines.size();
        c.renameResource("charlie", "r0", "r1");
        assertEquals(List.of("rename resource name:r0 new_name:r1"), r.since(from));
        assertInstanceOf(Event.Rename.class, Events2Parser.parse(r.lines.get(from)));
        c.promote("alpha", "r0", false);
        c.settle();
        assertTrue(r.indexOf(from, "change connection name:r1", "role:Primary") >= 0, r.since(from).toString());
        assertEquals(-1, r.indexOf(from + 1, "name:r0"));
        assertEquals(-1, peer.indexOf(0, "name:r1"), "a rename is local to the node");
        int back = r.lines.size();
        c.renameResource("charlie", "r1", "r0");
        assertEquals(List.of("rename resource name:r1 new_name:r0"), r.since(back));
    }
}
