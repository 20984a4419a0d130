package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class UnitPlanTest {

    @Test
    void new_rawOcfStartEntry_rejectedAskingForOcfAgent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnitPlan.withDefaults("r0", List.of("ocf:heartbeat:IPaddr2 ip ip=10.0.0.1")));
        assertTrue(e.getMessage().contains("OcfAgent"), e.getMessage());
    }

    @Test
    void new_ocfAgent_mustAppearInStartListUnderItsUnitName() {
        OcfAgent ip = new OcfAgent("heartbeat", "IPaddr2", "service_ip", java.util.Map.of("ip", "10.0.0.1"));
        assertEquals("ocf.rs@service_ip_r\\x2d0.service", ip.unitName("r-0"));
        UnitPlan ok = new UnitPlan("r-0", List.of(ip.unitName("r-0"), "a.service"), "Requires", "Requires", "none", true,
                java.util.Map.of(ip.unitName("r-0"), ip));
        assertEquals(ip, ok.ocfAgents().get(ip.unitName("r-0")));
        assertThrows(IllegalArgumentException.class, () -> new UnitPlan("r-0", List.of("a.service"), "Requires",
                "Requires", "none", true, java.util.Map.of(ip.unitName("r-0"), ip)));
        assertThrows(IllegalArgumentException.class, () -> UnitPlan.withDefaults("r-0", List.of(ip.unitName("r-0"))));
        assertThrows(IllegalArgumentException.class, () -> new OcfAgent("..", "x", "i", java.util.Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new OcfAgent("v", "x", "i", java.util.Map.of("a-b", "")));
    }

    @Test
    void new_dependencyKindAnyCase_normalised() {
        UnitPlan p = new UnitPlan("r0", List.of("a.service"), "requires", "BINDSTO", "none", true);
        assertEquals("Requires", p.dependenciesAs());
        assertEquals("BindsTo", p.targetAs());
    }

    @Test
    void new_badValues_rejectedWithKeyName() {
        IllegalArgumentException dep = assertThrows(IllegalArgumentException.class,
                () -> new UnitPlan("r0", List.of("a.service"), "Needs", "Requires", "none", true));
        assertTrue(dep.getMessage().startsWith("dependencies-as"), dep.getMessage());
        IllegalArgumentException act = assertThrows(IllegalArgumentException.class,
                () -> new UnitPlan("r0", List.of("a.service"), "Requires", "Requires", "explode", true));
        assertTrue(act.getMessage().startsWith("on-drbd-demote-failure"), act.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnitPlan.withDefaults("r0", List.of("a.service", "a.service")));
        assertThrows(IllegalArgumentException.class, () -> UnitPlan.withDefaults("", List.of("a.service")));
        IllegalArgumentException unit = assertThrows(IllegalArgumentException.class,
                () -> UnitPlan.withDefaults("r0", List.of("linstor controller")));
        assertTrue(unit.getMessage().contains("start entry"), unit.getMessage());
    }

    @Test
    void withDefaults_matchesDrbdReactorDefaults() {
        UnitPlan p = UnitPlan.withDefaults("r0", List.of("a.service"));
        assertEquals("Requires", p.dependenciesAs());
        assertEquals("Requires", p.targetAs());
        assertEquals("none", p.failureAction());
        assertTrue(p.secondaryForce());
    }
}
