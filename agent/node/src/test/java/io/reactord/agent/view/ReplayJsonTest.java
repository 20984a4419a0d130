package io.reactord.agent.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reactord.agent.json.Json;
import io.reactord.events2.ClusterState;
import io.reactord.events2.Events2Parser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replay prints its state and decisions with {@link Json#write(com.fasterxml.jackson.databind.JsonNode)}: byte for byte
 * what {@code new ObjectMapper().writeValueAsString} printed before, without an ObjectMapper's start-up.
 */
final class ReplayJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void write_stateOfAStream_sameAsObjectMapper() throws Exception {
        ClusterState s = new ClusterState();
        for (String line : List.of(
                "exists resource name:r0 role:Primary suspended:no force-io-failures:no may_promote:no promotion_score:10105",
                "exists device name:r0 volume:0 minor:1000 disk:UpToDate client:no quorum:yes open:yes",
                "exists connection name:r0 peer-node-id:1 conn-name:n\u00e9ud-2 connection:Connected role:Secondary",
                "exists peer-device name:r0 peer-node-id:1 conn-name:n\u00e9ud-2 volume:0 replication:Established peer-disk:UpToDate peer-client:no",
                "exists resource name:we\"ird\\\u0001name\u2028 role:Secondary suspended:user",
                "exists device name:we\"ird\\\u0001name\u2028 volume:3 disk:Diskless",
                "exists resource name:bare",
                "exists -")) {
            s.apply(Events2Parser.parse(line));
        }
        var tree = StateJson.resources(s.resources().values());
        assertEquals(MAPPER.writeValueAsString(tree), Json.write(tree));
        var none = StateJson.resources(List.of());
        assertEquals(MAPPER.writeValueAsString(none), Json.write(none));
    }

    @Test
    void write_everyKindItTakes_sameAsObjectMapper() throws Exception {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("int", Integer.MIN_VALUE).put("long", Long.MAX_VALUE).put("t", true).put("f", false)
                .put("s", "tab\there \"quoted\" </script> \u0000 \u00ff \ud83d\ude00").putNull("null");
        o.putArray("a").add(1).add("x").addObject().putArray("empty");
        o.putObject("o");
        assertEquals(MAPPER.writeValueAsString(o), Json.write(o));
    }

    @Test
    void decision_sameAsTheMapObjectMapperPrinted() throws Exception {
        for (String[] c : List.of(new String[] {"r0", "start", "a.service", "promotable"},
                new String[] {"r\"1", "stop", null, "line\nbreak \u00e9"})) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time_ms", 123_456_789_012L);
            m.put("resource", c[0]);
            m.put("action", c[1]);
            m.put("unit", c[2]);
            m.put("reason", c[3]);
            assertEquals(MAPPER.writeValueAsString(m), Json.write(Json.object().put("time_ms", 123_456_789_012L)
                    .put("resource", c[0]).put("action", c[1]).put("unit", c[2]).put("reason", c[3])));
        }
    }
}
