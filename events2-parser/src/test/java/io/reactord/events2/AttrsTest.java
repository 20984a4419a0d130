package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class AttrsTest {

    private static Attrs deviceStats(String stats) {
        return ((Event.Device) Events2Parser.parse("change device name:r0 volume:0 disk:UpToDate " + stats)).other();
    }

    @Test
    void parsedValues_readFromTheLine_inLineOrder() {
        Attrs a = deviceStats("size:10485760 read:123 written:4096->8192 blocked:upper,lower");
        assertEquals(4, a.size());
        assertEquals(List.of("size", "read", "written", "blocked"), List.copyOf(a.toMap().keySet()));
        assertEquals("10485760", a.value(0));
        assertEquals("123", a.get("read"));
        assertEquals("4096->8192", a.get("written")); // statistics are kept as printed, --diff arrow included
        assertEquals("upper,lower", a.get("blocked"));
        assertNull(a.get("disk"));
        assertThrows(IndexOutOfBoundsException.class, () -> a.value(4));
    }

    @Test
    void parsedValues_continuationTokens_keptWithTheirSeparators() {
        Attrs a = deviceStats("x-note:two  words\there y:1");
        assertEquals("two  words\there", a.get("x-note"));
        assertEquals("1", a.get("y"));
    }

    @Test
    void mergedWith_fullLineWithoutAKey_keepsTheOlderValueAndOrder() {
        Attrs older = deviceStats("size:1 read:2 blocked:upper al-suspended:no");
        Attrs newer = deviceStats("size:1 read:7 al-suspended:yes extra:x");
        Attrs m = older.mergedWith(newer);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("size", "1");
        expected.put("read", "7");
        expected.put("blocked", "upper");
        expected.put("al-suspended", "yes");
        expected.put("extra", "x");
        assertEquals(expected, m.toMap());
        Attrs again = m.mergedWith(deviceStats("size:1 read:9 al-suspended:no"));
        assertEquals("upper", again.get("blocked"));
        assertEquals("9", again.get("read"));
        assertEquals(List.of("size", "read", "blocked", "al-suspended", "extra"), List.copyOf(again.toMap().keySet()));
    }

    @Test
    void mergedWith_newerHasAllKeys_isTheNewerList() {
        Attrs newer = deviceStats("size:1 read:8");
        assertSame(newer, deviceStats("size:1 read:2").mergedWith(newer));
        assertSame(newer, Attrs.EMPTY.mergedWith(newer));
        assertSame(newer, newer.mergedWith(Attrs.EMPTY));
    }

    @Test
    void mergedWith_duplicateKeys_lastValueWinsAtFirstPosition() {
        Attrs m = Attrs.of("a", "1", "b", "2", "a", "3").mergedWith(Attrs.of("b", "4", "c", "5", "c", "6"));
        assertEquals(Map.of("a", "3", "b", "4", "c", "6"), m.toMap());
        assertEquals(List.of("a", "b", "c"), List.copyOf(m.toMap().keySet()));
        assertEquals("3", Attrs.of("a", "1", "a", "3").get("a"));
    }

    @Test
    void of_nullValueAndOddCount_behaveAsDocumented() {
        Attrs a = Attrs.of("k", null);
        assertEquals(1, a.size());
        assertNull(a.get("k"));
        assertNull(a.mergedWith(deviceStats("other:1")).get("k"));
        assertThrows(IllegalArgumentException.class, () -> Attrs.of("k"));
    }

    @Test
    void equalsAndHashCode_compareContentNotRepresentation() {
        Attrs parsed = deviceStats("size:1 read:2");
        assertEquals(Attrs.of("size", "1", "read", "2"), parsed);
        assertEquals(Attrs.of("size", "1", "read", "2").hashCode(), parsed.hashCode());
        assertEquals("{size=1, read=2}", parsed.toString());
    }
}
