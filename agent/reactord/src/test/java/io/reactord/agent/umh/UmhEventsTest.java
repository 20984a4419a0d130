package io.reactord.agent.umh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.config.UmhRule;
import io.reactord.events2.ClusterState;
import io.reactord.events2.Event;
import io.reactord.events2.Events2Parser;
import io.reactord.events2.ResourceInfo;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The drbd-reactor update each line yields (pure; no commands run here). */
final class UmhEventsTest {
    private final ClusterState state = new ClusterState();

    private Optional<UmhEvent> feed(String line) {
        Event e = Events2Parser.parse(line);
        String name = UmhEvents.resourceName(e);
        ResourceInfo before = name == null ? null : state.resource(name);
        state.apply(e);
        return UmhEvents.of(e, before, name == null ? null : state.resource(name));
    }

    @Test
    void exists_newObject_oldStateIsDrbdReactorsDefaults() {
        UmhEvent ev = feed("exists resource name:r0 role:Secondary may_promote:yes promotion_score:10102").orElseThrow();
        assertEquals("Exists", ev.eventType());
        assertEquals(Map.of("role", "Unknown", "may-promote", "false", "promotion-score", "0"), ev.old());
        assertEquals(Map.of("role", "Secondary", "may-promote", "true", "promotion-score", "10102"), ev.neu());
        UmhEvent dev = feed("create device name:r0 volume:3 minor:7").orElseThrow();
        assertEquals("Create", dev.eventType());
        assertEquals(Map.of("disk-state", "DUnknown", "client", "false", "quorum", "false", "size", "0", "open", "false"),
                dev.old());
        assertEquals("7", dev.env().get("DRBD_MINOR_3"));
        assertEquals("none", dev.env().get("DRBD_BACKING_DEV"));
    }

    @Test
    void change_nothingFilterableChanged_noUpdate() {
        feed("exists resource name:r0 role:Secondary may_promote:no promotion_score:10103");
        assertTrue(feed("change resource name:r0 role:Secondary suspended:user").isEmpty());
        assertTrue(feed("exists -").isEmpty());
        assertTrue(feed("call helper name:r0 volume:0 minor:1 helper:quorum-lost").isEmpty());
    }

    @Test
    void change_promotionScoreOnly_isAnUpdateAsInDrbdReactor() {
        feed("exists resource name:r0 role:Secondary may_promote:no promotion_score:10103");
        UmhEvent ev = feed("change resource name:r0 may_promote:no promotion_score:10102").orElseThrow();
        assertEquals("10102", ev.neu().get("promotion-score"));
    }

    @Test
    void change_statisticOnly_sizeAndCongestedAreUpdates() {
        feed("exists device name:r0 volume:0 minor:1 disk:UpToDate client:no open:no quorum:yes size:100");
        assertEquals("200", feed("change device name:r0 volume:0 minor:1 disk:UpToDate size:200").orElseThrow()
                .neu().get("size"));
        assertTrue(feed("change device name:r0 volume:0 minor:1 disk:UpToDate size:200 read:5").isEmpty());
        feed("exists connection name:r0 peer-node-id:1 conn-name:b connection:Connected role:Secondary congested:no");
        UmhEvent c = feed("change connection name:r0 peer-node-id:1 conn-name:b connection:Connected congested:yes")
                .orElseThrow();
        assertEquals("true", c.env().get("DRBD_NEW_CONGESTED"));
        assertEquals("false", c.env().get("DRBD_OLD_CONGESTED"));
    }

    @Test
    void destroy_knownObject_alwaysAnUpdateWithDefaultsAsNew() {
        feed("exists connection name:r0 peer-node-id:1 conn-name:bravo connection:Connected role:Primary");
        UmhEvent c = feed("destroy connection name:r0 peer-node-id:1 conn-name:bravo").orElseThrow();
        assertEquals("Destroy", c.eventType());
        assertEquals(UmhRule.Kind.CONNECTION, c.kind());
        assertEquals(Map.of("conn-name", "bravo", "connection-state", "StandAlone", "peer-role", "Unknown",
                "congested", "false"), c.neu());
        assertEquals("Connected", c.old().get("connection-state"));
        feed("exists device name:r0 volume:0 minor:1 disk:UpToDate");
        UmhEvent d = feed("destroy device name:r0 volume:0 minor:1").orElseThrow();
        assertEquals("DUnknown", d.neu().get("disk-state"));
        assertNull(d.env().get("DRBD_MINOR"), "the device is gone: no minor, as in drbd-reactor");
        UmhEvent r = feed("destroy resource name:r0").orElseThrow();
        assertEquals("Unknown", r.env().get("DRBD_NEW_ROLE"));
    }

    @Test
    void destroy_unknownObject_noUpdate() {
        assertTrue(feed("destroy device name:zz volume:0 minor:1").isEmpty());
        assertTrue(feed("destroy peer-device name:zz peer-node-id:1 conn-name:b volume:0").isEmpty());
        assertTrue(feed("destroy connection name:zz peer-node-id:1 conn-name:b").isEmpty());
        assertTrue(feed("destroy resource name:zz").isEmpty());
    }

    @Test
    void peerDevice_resyncSuspendedList_isABoolean() {
        feed("exists peer-device name:r0 peer-node-id:2 conn-name:c volume:0 replication:Established peer-disk:UpToDate "
                + "resync-suspended:no");
        UmhEvent ev = feed("change peer-device name:r0 peer-node-id:2 conn-name:c volume:0 resync-suspended:user,peer")
                .orElseThrow();
        assertEquals("true", ev.neu().get("resync-suspended"));
        assertEquals("false", ev.old().get("resync-suspended"));
        assertEquals(2, ev.peerNodeId());
        assertFalse(ev.env().containsKey("DRBD_MINOR"), "no local device known for volume 0");
    }

    @Test
    void path_andRename_noUpdate() {
        assertTrue(feed("exists path name:r0 peer-node-id:1 conn-name:b local:ipv4:1.1.1.1:7000 peer:ipv4:1.1.1.2:7000 "
                + "established:yes").isEmpty());
        assertTrue(feed("rename resource name:r0 new_name:r1").isEmpty());
    }

    @Test
    void create_fieldsEqualTheDefaults_stillACreateWithAbsentOldState() {
        UmhEvent res = feed("create resource name:r0").orElseThrow();
        assertEquals("Create", res.eventType());
        assertEquals(Map.of("role", "Unknown", "may-promote", "false", "promotion-score", "0"), res.old());
        assertEquals(res.old(), res.neu());
        UmhEvent dev = feed("create device name:r0 volume:0 minor:1 disk:DUnknown client:no quorum:no").orElseThrow();
        assertEquals("Create", dev.eventType());
        UmhEvent pd = feed("create peer-device name:r0 peer-node-id:1 conn-name:b volume:0 replication:Off peer-disk:DUnknown")
                .orElseThrow();
        assertEquals("Create", pd.eventType());
        // the peer-device line made the connection known; its create still reports the absent state as old
        UmhEvent conn = feed("create connection name:r0 peer-node-id:1 conn-name:b connection:StandAlone role:Unknown")
                .orElseThrow();
        assertEquals("Create", conn.eventType());
        assertEquals("", conn.old().get("conn-name"));
        assertEquals("b", conn.neu().get("conn-name"));
        // a later exists/change with nothing new is still no update
        assertTrue(feed("change connection name:r0 peer-node-id:1 conn-name:b connection:StandAlone").isEmpty());
        assertTrue(feed("exists resource name:r0").isEmpty());
    }

    @Test
    void create_ruleOnCreateWithOldFilter_fires() {
        io.reactord.config.Filter eq = new io.reactord.config.Filter(io.reactord.config.Filter.Op.EQUALS, "Create");
        UmhRule rule = new UmhRule(UmhRule.Kind.RESOURCE, "on-create", "true", Map.of(), java.util.Optional.empty(),
                Map.of("event-type", eq), Map.of("role", new io.reactord.config.Filter(io.reactord.config.Filter.Op.EQUALS,
                        "Unknown")), Map.of(), null, 1);
        assertTrue(UmhMatcher.matches(rule, feed("create resource name:r1").orElseThrow()));
    }
}
