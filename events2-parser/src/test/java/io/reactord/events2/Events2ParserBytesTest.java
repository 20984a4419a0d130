package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser on bytes: any UTF-8 kept exactly, invalid UTF-8 and NUL handled without merging names. */
final class Events2ParserBytesTest {

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String) {
                b.writeBytes(((String) p).getBytes(StandardCharsets.UTF_8));
            } else {
                b.writeBytes((byte[]) p);
            }
        }
        return b.toByteArray();
    }

    private static Event parseBytes(byte[] line) {
        byte[] framed = new byte[line.length + 6];
        System.arraycopy(line, 0, framed, 3, line.length);
        return Events2Parser.parse(framed, 3, 3 + line.length);
    }

    @Test
    void parse_nonBmpNames_keptExactlyAndValuesAfterThemUnshifted() {
        for (String name : List.of("x\uD83D\uDE00y", "x\uD83D\uDE00z", "\uD83D\uDE00", "a\uD800\uDC00b\uDBFF\uDFFF")) {
            String line = "change device name:" + name + " volume:1 minor:7 disk:UpToDate size:42";
            for (Event e : List.of(Events2Parser.parse(line), parseBytes(line.getBytes(StandardCharsets.UTF_8)))) {
                Event.Device d = assertInstanceOf(Event.Device.class, e);
                assertEquals(name, d.name());
                assertEquals(1, d.volume());
                assertEquals(7, d.minor());
                assertEquals(DiskState.UP_TO_DATE, d.disk());
                assertEquals("42", d.other().get("size"));
            }
        }
    }

    @Test
    void reduce_namesDifferingAfterANonBmpCharacter_stayTwoResources() {
        ClusterState s = new ClusterState();
        s.apply(Events2Parser.parse("exists resource name:x\uD83D\uDE00y role:Primary"));
        s.apply(Events2Parser.parse("exists resource name:x\uD83D\uDE00z role:Secondary"));
        s.apply(Events2Parser.parse("exists resource name:x\uD83D\uDE00 role:Secondary"));
        assertEquals(3, s.resources().size());
        assertEquals(Role.PRIMARY, s.resource("x\uD83D\uDE00y").role());
        assertEquals(Role.SECONDARY, s.resource("x\uD83D\uDE00z").role());
    }

    @Test
    void parse_combiningCharactersAndOtherScripts_keptUnnormalised() {
        String composed = "caf\u00e9";
        String decomposed = "cafe\u0301";
        Event.Resource a = (Event.Resource) Events2Parser.parse("exists resource name:" + composed + " role:Primary");
        Event.Resource b = (Event.Resource) Events2Parser.parse("exists resource name:" + decomposed + " role:Primary");
        assertEquals(composed, a.name());
        assertEquals(decomposed, b.name());
        assertNotEquals(a.name(), b.name());
        Event.Connection c = (Event.Connection) Events2Parser.parse(
                "exists connection name:\u4e2d\u6587 peer-node-id:1 conn-name:\u0928\u094b\u0921 connection:Connected");
        assertEquals("\u4e2d\u6587", c.name());
        assertEquals("\u0928\u094b\u0921", c.connName());
        assertEquals(ConnectionState.CONNECTED, c.connection());
    }

    @Test
    void parse_invalidUtf8InName_unparsedAndNeverMergedWithAnotherName() {
        ClusterState s = new ClusterState();
        for (byte[] bad : List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xfe}, new byte[] {(byte) 0xc3},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0xaf})) {
            Event e = parseBytes(bytes("exists resource name:x", bad, " role:Primary"));
            Event.Unparsed u = assertInstanceOf(Event.Unparsed.class, e);
            assertEquals("name is not valid UTF-8", u.reason());
            assertTrue(u.line().startsWith("exists resource name:x"), u.line());
            s.apply(e);
        }
        Event.Rename r = assertInstanceOf(Event.Rename.class, Events2Parser.parse("rename resource name:a new_name:b"));
        assertEquals("b", r.newName());
        assertEquals("new_name is not valid UTF-8", assertInstanceOf(Event.Unparsed.class,
                parseBytes(bytes("rename resource name:a new_name:b", new byte[] {(byte) 0x80}))).reason());
        assertTrue(s.resources().isEmpty());
    }

    @Test
    void parse_invalidUtf8InOtherValues_replacedAndTheLineStillCounts() {
        Event.Device d = assertInstanceOf(Event.Device.class, parseBytes(
                bytes("change device name:r0 volume:0 disk:UpToDate backing_dev:/dev/", new byte[] {(byte) 0xff},
                        " x-note:a", new byte[] {(byte) 0xc3}, " quorum:yes")));
        assertEquals("r0", d.name());
        assertEquals("/dev/\uFFFD", d.backingDev());
        assertEquals("a\uFFFD", d.other().get("x-note"));
        assertEquals(Boolean.TRUE, d.quorum());
        assertEquals(DiskState.UP_TO_DATE, d.disk());
    }

    @Test
    void parse_nulBytes_ordinaryBytesKeptExactly() {
        Event.Resource a = (Event.Resource) parseBytes(bytes("exists resource name:r\u0000a role:Primary"));
        Event.Resource b = (Event.Resource) parseBytes(bytes("exists resource name:r\u0000b role:Primary"));
        assertEquals("r\u0000a", a.name());
        assertEquals("r\u0000b", b.name());
        assertEquals(Role.PRIMARY, a.role());
        assertInstanceOf(Event.Unparsed.class, parseBytes(bytes("\u0000\u0000\u0000")));
        assertInstanceOf(Event.Unparsed.class, parseBytes(new byte[64]));
    }

    @Test
    void parse_crlfAndLf_sameEventAsWithoutALineEnd() {
        String l = "2025-03-14T10:21:07.482913+01:00 change resource name:r\u00e9 role:Primary may_promote:no";
        Event plain = Events2Parser.parse(l);
        assertEquals(plain, Events2Parser.parse(l + "\r\n"));
        assertEquals(plain, parseBytes(bytes(l, "\r\n")));
        assertEquals(plain, parseBytes(bytes(l, "\n")));
        assertEquals("2025-03-14T10:21:07.482913+01:00", plain.timestamp());
    }

    @Test
    void parse_ansiColourAroundUtf8_stripped() {
        Event.Resource r = (Event.Resource) parseBytes(
                bytes("\u001b[1mexists\u001b[0m resource name:\u001b[32mx\uD83D\uDE00y\u001b[0m role:Primary"));
        assertEquals("x\uD83D\uDE00y", r.name());
        assertEquals(Role.PRIMARY, r.role());
    }

    @Test
    void parse_bufferReusedAfterwards_eventUnaffected() {
        byte[] buf = bytes("change device name:r0 volume:0 size:42 read:7");
        Event.Device d = (Event.Device) Events2Parser.parse(buf, 0, buf.length);
        java.util.Arrays.fill(buf, (byte) 'z');
        assertEquals("42", d.other().get("size"));
        assertEquals("r0", d.name());
    }
}
