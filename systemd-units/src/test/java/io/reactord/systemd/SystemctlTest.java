package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SystemctlTest {
    @Test
    void blocks_showOutput_splitPerUnit() {
        List<Map<String, String>> b = Systemctl.blocks("Id=a.service\nActiveState=active\n\nId=b.service\nActiveState=failed\nResult=exit-code\n");
        assertEquals(2, b.size());
        assertEquals("failed", b.get(1).get("ActiveState"));
        UnitState s = UnitState.of("b.service", b.get(1));
        assertEquals("×", s.symbol());
        assertTrue(s.failed());
    }

    @Test
    void show_commandMissing_throwsWithReason() {
        Systemctl sc = new Systemctl(List.of("/nonexistent/systemctl"), Map.of(), 1000);
        Systemctl.SystemctlException e = assertThrows(Systemctl.SystemctlException.class, () -> sc.show(List.of("a.service")));
        assertTrue(e.getMessage().startsWith("cannot run /nonexistent/systemctl"), e.getMessage());
    }

    @Test
    void show_shortOutput_throwsInsteadOfMisassigning() {
        Systemctl sc = new Systemctl(List.of("/bin/echo", "ActiveState=active"), Map.of(), 1000);
        assertThrows(Systemctl.SystemctlException.class, () -> sc.show(List.of("a.service", "b.service")));
    }

    @Test
    void symbol_everyActiveState_systemctlsGlyph() {
        assertEquals("●", new UnitState("u", "loaded", "active", "", "", "", "").symbol());
        assertEquals("○", new UnitState("u", "loaded", "inactive", "", "", "", "").symbol());
        assertEquals("↻", new UnitState("u", "loaded", "reloading", "", "", "", "").symbol());
        assertEquals("●", new UnitState("u", "loaded", "activating", "", "", "", "").symbol());
        assertTrue(new UnitState("u", "masked", "inactive", "", "", "", "").masked());
        assertTrue(new UnitState("u", "loaded", "active", "", "frozen", "", "").frozen());
    }
}
