package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class Events2ParserTest {

    @Test
    void parse_resourceExists_allFieldsTyped() {
        Event.Resource r = assertInstanceOf(Event.Resource.class, Events2Parser.parse(
                "exists resource name:r0 role:Secondary suspended:no force-io-failures:no write-ordering:flush"
                        + " may_promote:no promotion_score:10103"));
        assertEquals(Action.EXISTS, r.action());
        assertEquals("r0", r.name());
        assertEquals(Role.SECONDARY, r.role());
        assertEquals(List.of(), r.suspended());
        assertEquals(TriState.NO, r.forceIoFailures());
        assertEquals("flush", r.writeOrdering());
        assertEquals(Boolean.FALSE, r.mayPromote());
        assertEquals(10103, r.promotionScore());
        assertNull(r.timestamp());
        assertTrue(r.other().isEmpty());
    }

    @Test
    void parse_changeWithOnlyOneKey_otherFieldsNull() {
        Event.Resource r = assertInstanceOf(Event.Resource.class,
                Events2Parser.parse("change resource name:r0 role:Primary"));
        assertEquals(Action.CHANGE, r.action());
        assertEquals(Role.PRIMARY, r.role());
        assertNull(r.mayPromote());
        assertNull(r.promotionScore());
        assertNull(r.suspended());
    }

    @Test
    void parse_suspendedCommaList_split() {
        Event.Resource r = (Event.Resource) Events2Parser.parse("change resource name:r0 suspended:user,quorum");
        assertEquals(List.of("user", "quorum"), r.suspended());
    }

    @Test
    void parse_device_triStatesAndNone() {
        Event.Device d = assertInstanceOf(Event.Device.class, Events2Parser.parse(
                "change device name:foo volume:1 minor:1 disk:Attaching backing_dev:none client:yes quorum:yes"
                        + " open:unknown size:1"));
        assertEquals(1, d.volume());
        assertEquals(1, d.minor());
        assertEquals("none", d.backingDev());
        assertEquals(DiskState.ATTACHING, d.disk());
        assertEquals(TriState.YES, d.client());
        assertEquals(TriState.UNKNOWN, d.open());
        assertEquals(Boolean.TRUE, d.quorum());
        assertEquals("1", d.other().get("size"));
    }

    @Test
    void parse_connection_peerRoleAndStats() {
        Event.Connection c = assertInstanceOf(Event.Connection.class, Events2Parser.parse(
                "exists connection name:r0 peer-node-id:1 conn-name:bravo connection:Connected role:Primary"
                        + " congested:no ap-in-flight:0 rs-in-flight:0"));
        assertEquals(1, c.peerNodeId());
        assertEquals("bravo", c.connName());
        assertEquals(ConnectionState.CONNECTED, c.connection());
        assertEquals(Role.PRIMARY, c.peerRole());
        assertEquals("0", c.other().get("ap-in-flight"));
    }

    @Test
    void parse_peerDevice_doneAndNanEta() {
        Event.PeerDevice p = assertInstanceOf(Event.PeerDevice.class, Events2Parser.parse(
                "change peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 replication:SyncTarget"
                        + " peer-disk:UpToDate peer-client:no resync-suspended:user,peer done:37.50 eta:nan"));
        assertEquals(ReplicationState.SYNC_TARGET, p.replication());
        assertEquals(DiskState.UP_TO_DATE, p.peerDisk());
        assertEquals(TriState.NO, p.peerClient());
        assertEquals(List.of("user", "peer"), p.resyncSuspended());
        assertEquals("37.50", p.done());
        assertEquals("nan", p.other().get("eta"));
    }

    @Test
    void parse_path_addressesSplitAtFirstColon() {
        Event.Path p = assertInstanceOf(Event.Path.class, Events2Parser.parse(
                "change path name:r0 peer-node-id:1 conn-name:bravo local:ipv6:[fe80::1%eth0]:7000"
                        + " peer:ipv4:10.0.0.2:7000 established:yes"));
        assertEquals("ipv6:[fe80::1%eth0]:7000", p.local());
        assertEquals("ipv4:10.0.0.2:7000", p.peer());
        assertEquals(Boolean.TRUE, p.established());
    }

    @Test
    void parse_timestampPrefix_keptAndSkipped() {
        Event e = Events2Parser.parse("2025-03-14T10:21:07.482913+01:00 exists resource name:r0 role:Primary");
        Event.Resource r = assertInstanceOf(Event.Resource.class, e);
        assertEquals("2025-03-14T10:21:07.482913+01:00", r.timestamp());
        assertEquals(Role.PRIMARY, r.role());
        Event done = Events2Parser.parse("2025-03-14T10:21:07.482990+01:00 exists -");
        assertEquals("2025-03-14T10:21:07.482990+01:00", assertInstanceOf(Event.DumpComplete.class, done).timestamp());
    }

    @Test
    void parse_ansiColour_stripped() {
        Event.Device d = (Event.Device) Events2Parser.parse(
                "change device name:r0 volume:0 minor:1 disk:\u001b[1;31mOutdated\u001b[0m quorum:yes\r\n");
        assertEquals(DiskState.OUTDATED, d.disk());
        assertEquals(Boolean.TRUE, d.quorum());
    }

    @Test
    void parse_ansiColourWhereTheParserAnswersEarly_strippedAsAnywhere() {
        assertInstanceOf(Event.DumpComplete.class, Events2Parser.parse("exists -\u001b[0m"));
        assertInstanceOf(Event.DumpComplete.class, Events2Parser.parse("\u001b[1mexists\u001b[0m \u001b[1m-\u001b[0m"));
        Event.Resource r = assertInstanceOf(Event.Resource.class,
                Events2Parser.parse("\u001b[2m2025-03-14T10:21:07.482913+01:00\u001b[0m change resource name:r0 role:Primary"));
        assertEquals("2025-03-14T10:21:07.482913+01:00", r.timestamp());
        assertEquals(Role.PRIMARY, r.role());
    }

    @Test
    void parse_stateValueWithArrowAndStatisticWithGreaterThan_onlyTheStateSplit() {
        Event.PeerDevice p = assertInstanceOf(Event.PeerDevice.class, Events2Parser.parse("change peer-device name:r0"
                + " peer-node-id:1 volume:0 peer-disk:Outdated->UpToDate replication:>Established received:1->2 x:a>b"));
        assertEquals(DiskState.UP_TO_DATE, p.peerDisk());
        assertNull(p.replication());
        assertEquals(">Established", p.other().get("replication"));
        assertEquals("1->2", p.other().get("received"));
        assertEquals("a>b", p.other().get("x"));
    }

    @Test
    void parse_diffForm_takesNewValue() {
        Event.Resource r = (Event.Resource) Events2Parser.parse(
                "change resource name:r0 role:Secondary->Primary may_promote:UNKNOWN->no");
        assertEquals(Role.PRIMARY, r.role());
        assertEquals(Boolean.FALSE, r.mayPromote());
    }

    @Test
    void parse_questionMarkRole_isUnknown() {
        assertEquals(Role.UNKNOWN, ((Event.Resource) Events2Parser.parse("change resource name:r role:?")).role());
    }

    @Test
    void parse_nameWithSpaces_continuationTokensJoined() {
        Event.Resource r = (Event.Resource) Events2Parser.parse("exists resource name:my data set role:Primary");
        assertEquals("my data set", r.name());
        assertEquals(Role.PRIMARY, r.role());
    }

    @Test
    void parse_nameWithColons_keptWhole() {
        Event.Device d = (Event.Device) Events2Parser.parse("exists device name:a:b:c volume:0 minor:7 disk:UpToDate");
        assertEquals("a:b:c", d.name());
        assertEquals(7, d.minor());
    }

    @Test
    void parse_unknownKeys_keptInOtherAndIgnored() {
        Event.Resource r = (Event.Resource) Events2Parser.parse("exists resource xxx:bla name:foo role:Primary");
        assertEquals("foo", r.name());
        assertEquals("bla", r.other().get("xxx"));
    }

    @Test
    void parse_badStateValue_fieldAbsentValueKept() {
        Event.Device d = (Event.Device) Events2Parser.parse("change device name:r volume:0 disk:Melted quorum:maybe");
        assertNull(d.disk());
        assertNull(d.quorum());
        assertEquals("Melted", d.other().get("disk"));
    }

    @Test
    void parse_helperCallAndResponse_contextKeys() {
        Event.Helper c = assertInstanceOf(Event.Helper.class, Events2Parser.parse(
                "call helper name:r0 peer-node-id:1 conn-name:bravo volume:0 minor:1000 helper:before-resync-target"));
        assertEquals(Action.CALL, c.action());
        assertEquals(1, c.peerNodeId());
        assertEquals(1000, c.minor());
        assertEquals("before-resync-target", c.helper());
        assertNull(c.status());
        Event.Helper r = (Event.Helper) Events2Parser.parse(
                "response helper name:r0 volume:0 minor:1000 helper:local-io-error status:256");
        assertEquals(256, r.status());
        assertNull(r.peerNodeId());
    }

    @Test
    void parse_rename_bothNames() {
        Event.Rename r = assertInstanceOf(Event.Rename.class,
                Events2Parser.parse("rename resource name:old new_name:new"));
        assertEquals("old", r.name());
        assertEquals("new", r.newName());
    }

    @Test
    void parse_destroy_identifyingKeysOnly() {
        Event.PeerDevice p = (Event.PeerDevice) Events2Parser.parse(
                "destroy peer-device name:r0 peer-node-id:2 conn-name:charlie volume:0");
        assertEquals(Action.DESTROY, p.action());
        assertNull(p.replication());
    }

    @Test
    void parse_invalidLines_unparsedWithReason() {
        for (String l : List.of("", "   ", "xxx resource name:foo", "call helper", "response helper",
                "exists xxx name:foo", "exists", "change device name:r0 minor:1", "exists - extra",
                "change resource role:Primary", "change resource name:", "create helper name:r helper:x",
                "call resource name:r", "rename resource name:r", "rename device name:r new_name:x volume:0",
                "change connection name:r peer-node-id:-1", "change device name:r volume:99999999999",
                "change resource orphan name:r")) {
            Event.Unparsed u = assertInstanceOf(Event.Unparsed.class, Events2Parser.parse(l), l);
            assertFalse(u.reason().isEmpty(), l);
            assertFalse(u.reason().startsWith("parser error"), l);
        }
    }

    @Test
    void parse_nullLine_unparsed() {
        assertInstanceOf(Event.Unparsed.class, Events2Parser.parse(null));
    }

    @Test
    void parse_sharedValidFixtureLines_allEvents() {
        for (String l : Fixtures.lines("events2-valid-lines-from-unit-tests.txt")) {
            assertFalse(Events2Parser.parse(l) instanceof Event.Unparsed, l);
        }
    }

    @Test
    void parse_sharedInvalidFixtureLines_allUnparsed() {
        List<String> lines = Fixtures.lines("events2-invalid-lines-from-unit-tests.txt");
        assertEquals(4, lines.size());
        for (String l : lines) {
            assertEquals(l, assertInstanceOf(Event.Unparsed.class, Events2Parser.parse(l)).line());
        }
    }

    @Test
    void parse_everyScenarioFixture_noUnparsedLines() {
        for (String f : Fixtures.ALL) {
            if (f.contains("invalid")) {
                continue;
            }
            for (String l : Fixtures.lines(f)) {
                assertFalse(Events2Parser.parse(l) instanceof Event.Unparsed, f + ": " + l);
            }
        }
    }

    @Test
    void parse_malformedNumbers_identifyingKeyUnparsedStateKeptInOther() {
        for (String l : List.of("change device name:r volume:1x", "change device name:r volume:",
                "change device name:r volume:-1", "change device name:r volume:2147483648",
                "change peer-device name:r peer-node-id:1 volume:0x1", "change connection name:r peer-node-id:+1")) {
            assertInstanceOf(Event.Unparsed.class, Events2Parser.parse(l), l);
        }
        Event.Device d = (Event.Device) Events2Parser.parse("change device name:r volume:2147483647 minor:12a");
        assertEquals(Integer.MAX_VALUE, d.volume());
        assertNull(d.minor());
        assertEquals("12a", d.other().get("minor"));
        Event.Resource r = (Event.Resource) Events2Parser.parse(
                "change resource name:r promotion_score:1->99999999999 role:Secondary->Primary");
        assertNull(r.promotionScore());
        assertEquals("99999999999", r.other().get("promotion_score"));
        assertEquals(Role.PRIMARY, r.role());
    }

    @Test
    void parse_helperStatus_signedOrKeptWhenMalformed() {
        String base = "response helper name:r0 volume:0 minor:1000 helper:local-io-error status:";
        assertEquals(-5, ((Event.Helper) Events2Parser.parse(base + "-5")).status());
        assertEquals(0, ((Event.Helper) Events2Parser.parse(base + "0")).status());
        for (String bad : List.of("-", "--5", "5-", "")) {
            Event.Helper h = (Event.Helper) Events2Parser.parse(base + bad);
            assertNull(h.status(), bad);
            assertEquals(bad, h.other().get("status"));
        }
    }

    @Test
    void parse_charactersBeyondLatin1_neverMistakenForDigitsKeysOrSeparators() {
        // U+0130 and U+0661 are not ASCII digits (U+0130's low byte is '0'); U+0101 is not 'a'
        assertInstanceOf(Event.Unparsed.class, Events2Parser.parse("change device name:r volume:\u0130"));
        assertInstanceOf(Event.Unparsed.class, Events2Parser.parse("change device name:r volume:\u0661"));
        Event.Resource r = (Event.Resource) Events2Parser.parse(
                "change resource name:d\u00e9j\u00e0 \u4e2d role:Prim\u0101ry n\u0101me:x");
        assertEquals("d\u00e9j\u00e0 \u4e2d", r.name());
        assertNull(r.role());
        assertEquals("Prim\u0101ry", r.other().get("role"));
        assertEquals("x", r.other().get("n\u0101me"));
        Event e = Events2Parser.parse("\u0662025-03-14T10:21:07.482913+01:00 exists resource name:r");
        assertInstanceOf(Event.Unparsed.class, e);
    }

    @Test
    void parse_tabSeparators_sameAsSpaces() {
        Event.Device d = (Event.Device) Events2Parser.parse("change\tdevice name:r0\t volume:0\tdisk:UpToDate\t");
        assertEquals("r0", d.name());
        assertEquals(DiskState.UP_TO_DATE, d.disk());
        assertTrue(d.other().isEmpty());
    }
}
