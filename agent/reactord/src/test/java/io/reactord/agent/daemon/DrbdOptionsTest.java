package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.config.QuorumLossPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DrbdOptionsTest {
    private static final String GOOD = "[{\"resource\":\"r0\",\"options\":{\"auto-promote\":false,\"quorum\":\"majority\","
            + "\"on-no-quorum\":\"io-error\"},\"connections\":[{\"net\":{\"fencing\":\"dont-care\"}}]}]";

    @Test
    void parse_goodOptions_noWarnings() {
        DrbdOptions o = DrbdOptions.parse(GOOD);
        assertTrue(o.readable());
        assertFalse(o.fencingConfigured());
        assertEquals(List.of(), o.warnings("r0", QuorumLossPolicy.SHUTDOWN));
    }

    @Test
    void warnings_autoPromoteQuorumOffAndMismatch_allReported() {
        DrbdOptions o = DrbdOptions.parse("{\"options\":{\"auto-promote\":\"yes\",\"quorum\":\"off\",\"on-no-quorum\":\"io-error\"}}");
        List<String> w = o.warnings("r0", QuorumLossPolicy.FREEZE);
        assertEquals(3, w.size(), w.toString());
        assertTrue(w.get(0).contains("auto-promote"));
        assertTrue(w.get(1).contains("quorum is off"));
        assertTrue(w.get(2).contains("suspend-io"));
    }

    @Test
    void parse_fencing_configured() {
        assertTrue(DrbdOptions.parse(GOOD.replace("dont-care", "resource-and-stonith")).fencingConfigured());
    }

    @Test
    void parse_garbage_assumedAndSilent() {
        for (String s : new String[] {"", "not json", "42", "{\"a\":"}) {
            DrbdOptions o = DrbdOptions.parse(s);
            assertFalse(o.readable(), s);
            assertEquals(List.of(), o.warnings("r0", QuorumLossPolicy.SHUTDOWN));
        }
    }

    @Test
    void parseAll_arrayOfResources_optionsPerResource() {
        String two = GOOD.substring(0, GOOD.length() - 1) + ",{\"resource\":\"r1\",\"options\":{\"quorum\":\"off\"}},{\"x\":1}]";
        java.util.Map<String, DrbdOptions> m = DrbdOptions.parseAll(two);
        assertEquals(List.of("r0", "r1"), List.copyOf(m.keySet()));
        assertEquals("majority", m.get("r0").quorum());
        assertEquals("off", m.get("r1").quorum());
        assertTrue(DrbdOptions.parseAll("{\"resource\":\"r0\"}").isEmpty());
        assertTrue(DrbdOptions.parseAll("[").isEmpty());
    }

    @Test
    void fencingMode_onlyQuorumOffWithResourceAndStonith() {
        assertFalse(DrbdOptions.parse(GOOD.replace("dont-care", "resource-and-stonith")).fencingMode(), "quorum majority");
        String off = GOOD.replace("majority", "off");
        assertTrue(DrbdOptions.parse(off.replace("dont-care", "resource-and-stonith")).fencingMode());
        assertFalse(DrbdOptions.parse(off.replace("dont-care", "resource-only")).fencingMode());
    }

    @Test
    void refusal_quorumOffAndDontCare_only() {
        assertTrue(DrbdOptions.parse(GOOD.replace("majority", "off")).refusal().contains("quorum is off"));
        assertEquals(null, DrbdOptions.parse(GOOD).refusal());
        assertEquals(null, DrbdOptions.parse(GOOD.replace("majority", "off").replace("dont-care", "resource-and-stonith")).refusal());
        assertEquals(null, DrbdOptions.parse("garbage").refusal(), "unreadable options refuse nothing");
    }
}
