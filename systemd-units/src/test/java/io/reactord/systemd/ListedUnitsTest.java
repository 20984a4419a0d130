package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ListedUnitsTest {
    @Test
    void busctlFor_connectionOptions_keptForBusctl() {
        assertEquals(Optional.of(List.of("busctl")), ListedUnits.busctlFor(List.of("systemctl")));
        assertEquals(Optional.of(List.of("busctl", "--user")), ListedUnits.busctlFor(List.of("systemctl", "--user")));
        assertEquals(Optional.of(List.of("/usr/bin/busctl", "-H", "root@n2", "--machine=c1")),
                ListedUnits.busctlFor(List.of("/usr/bin/systemctl", "-H", "root@n2", "--machine=c1")));
    }

    @Test
    void busctlFor_otherCommandOrOption_none() {
        assertEquals(Optional.empty(), ListedUnits.busctlFor(List.of("ssh", "n2", "systemctl")));
        assertEquals(Optional.empty(), ListedUnits.busctlFor(List.of("systemctl", "--no-ask-password")));
        assertEquals(Optional.empty(), ListedUnits.busctlFor(List.of("systemctl", "-H")));
    }

    @Test
    void parse_busctlReply_rowsInOrder() {
        String json = "{\"type\":\"a(ssssssouso)\",\"data\":[[[\"a.service\",\"say \\\"hi\\\" \\u00e9\",\"loaded\",\"active\",\"running\","
                + "\"\",\"/org/freedesktop/systemd1/unit/a_2eservice\",0,\"\",\"/\"],[\"b.target\",\"b\",\"not-found\",\"inactive\","
                + "\"dead\",\"\",\"/x\",12,\"start\",\"/org/freedesktop/systemd1/job/12\"]]]}\n";
        assertEquals(List.of(new ListedUnits.Row("a.service", "loaded", "active", "running"),
                new ListedUnits.Row("b.target", "not-found", "inactive", "dead")), ListedUnits.parse(json));
    }

    @Test
    void parse_badInput_throws() {
        for (String bad : List.of("", "Failed to connect", "{\"type\":\"a(ssssssouso)\",\"data\":[[[\"a\"]]]}",
                "{\"type\":\"a(ssssssouso)\",\"data\":[[[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",0,\"h\",\"i\"]]]} x",
                "{\"type\":\"a(ssssssouso)\",\"data\":[[[\"a\\u12\"]]]}", "{\"type\":\"as\",\"data\":[[\"a\"]]}", "[1,2")) {
            assertThrows(IllegalArgumentException.class, () -> ListedUnits.parse(bad), bad);
        }
    }

    @Test
    void merge_stoppedUnits_defaultsOfSystemctlShow() {
        List<String> units = List.of("a.service", "t.target", "n.service", "a.service");
        List<String> distinct = List.of("a.service", "t.target", "n.service");
        List<ListedUnits.Row> rows = List.of(new ListedUnits.Row("a.service", "loaded", "inactive", "dead"),
                new ListedUnits.Row("t.target", "loaded", "inactive", "dead"), new ListedUnits.Row("n.service", "not-found", "inactive", "dead"));
        assertEquals(List.of("a.service"), ListedUnits.toShow(distinct, rows)); // the probe
        UnitState probe = new UnitState("a.service", "loaded", "inactive", "dead", "running", "static", "success");
        Map<String, UnitState> m = ListedUnits.merge(units, distinct, rows, Map.of("a.service", probe));
        assertEquals(List.of("a.service", "t.target", "n.service"), List.copyOf(m.keySet()));
        assertEquals(probe, m.get("a.service"));
        assertEquals(new UnitState("t.target", "loaded", "inactive", "dead", "running", "", ""), m.get("t.target"));
        assertEquals(new UnitState("n.service", "not-found", "inactive", "dead", "running", "", "success"), m.get("n.service"));
    }

    @Test
    void toShow_runningFailedMasked_shown() {
        List<ListedUnits.Row> rows = List.of(new ListedUnits.Row("a", "loaded", "active", "running"),
                new ListedUnits.Row("b", "loaded", "failed", "failed"), new ListedUnits.Row("c", "masked", "inactive", "dead"),
                new ListedUnits.Row("d", "loaded", "inactive", "dead"), new ListedUnits.Row("e", "bad-setting", "inactive", "dead"));
        assertEquals(List.of("a", "b", "c", "e"), ListedUnits.toShow(List.of("a", "b", "c", "d", "e"), rows));
    }
}
