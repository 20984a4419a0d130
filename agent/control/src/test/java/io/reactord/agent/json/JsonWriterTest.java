package io.reactord.agent.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class JsonWriterTest {
    @Test
    void write_nestedValues_matchesJackson() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n\t\u0001\u2028é●");
        m.put("n", 12);
        m.put("d", 1.5);
        m.put("nan", Double.NaN);
        m.put("b", true);
        m.put("null", null);
        m.put("list", Arrays.asList(1, "x", null, List.of()));
        m.put("map", Map.of());
        String json = JsonWriter.write(m);
        Map<?, ?> back = new ObjectMapper().readValue(json, Map.class);
        assertEquals(m.get("s"), back.get("s"));
        assertEquals(null, back.get("nan"));
        assertEquals(Arrays.asList(1, "x", null, List.of()), back.get("list"));
        assertEquals("{\"a\":[]}", JsonWriter.write(Map.of("a", List.of())));
    }
}
