package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

final class UnitPathsTest {
    @Test
    void unitName_escapedObjectPath_decoded() {
        assertEquals("drbd-services@r\\x2d0.target",
                UnitPaths.unitName("/org/freedesktop/systemd1/unit/drbd_2dservices_40r_5cx2d0_2etarget"));
    }

    @Test
    void unitName_foreignOrBrokenPath_null() {
        assertNull(UnitPaths.unitName("/org/freedesktop/systemd1"));
        assertNull(UnitPaths.unitName("/org/freedesktop/systemd1/unit/a_2"));
        assertNull(UnitPaths.unitName("/org/freedesktop/systemd1/unit/a_zz"));
    }
}
