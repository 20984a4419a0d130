package io.reactord.agent.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming tree reader and writer agree with Jackson's ObjectMapper and refuse what is not one JSON value. */
final class JsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readWrite_documents_sameAsObjectMapper() throws Exception {
        for (String doc : List.of("{}", "[]", "0", "-1", "2147483648", "123456789012345678901234567890", "1.5", "-0.25e3",
                "true", "false", "null", "\"t\\u00e9xt \\\"q\\\" \\n\"",
                "{\"cmd\":\"status\",\"resource\":\"r 0:x\",\"limit\":20,\"nested\":{\"a\":[1,{\"b\":null},[]],\"c\":false}}",
                "[{\"resource\":{\"name\":\"r\",\"volumes\":[{\"minor\":1000}]}}]")) {
            JsonNode ours = Json.read(doc);
            JsonNode theirs = MAPPER.readTree(doc);
            assertEquals(theirs, ours, doc);
            assertEquals(MAPPER.writeValueAsString(theirs), Json.write(ours), doc);
            assertEquals(ours, Json.read(Json.write(ours)), doc);
        }
    }

    @Test
    void writePlain_escapesAndNumbers_pinnedBytes() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n\r\t\u0001\u0008\u000c\u001f\u007f\u2028\u2029é●");
        m.put("n", 12);
        m.put("d", 1.5);
        m.put("nan", Double.NaN);
        m.put("b", true);
        m.put("null", null);
        m.put("list", Arrays.asList(1, "x", null, List.of()));
        m.put("map", Map.of());
        String json = Json.write((Object) m);
        assertEquals("{\"s\":\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u0008\\u000c\\u001f\u007f\\u2028\\u2029é●\",\"n\":12,\"d\":1.5,"
                + "\"nan\":null,\"b\":true,\"null\":null,\"list\":[1,\"x\",null,[]],\"map\":{}}", json);
        Map<?, ?> back = MAPPER.readValue(json, Map.class);
        assertEquals(m.get("s"), back.get("s"));
        assertEquals("{\"a\":[]}", Json.write((Object) Map.of("a", List.of())));
    }

    @Test
    void read_malformedOrTrailingOrEmpty_throwsIOException() {
        for (String bad : List.of("", "   ", "{", "{\"a\":", "{\"a\" 1}", "[1,2", "[1,]x", "{} {}", "{\"a\":1}x", "nul", "'x'",
                "\u0000\u0001", "{\"a\":1,}", "01")) {
            assertThrows(IOException.class, () -> Json.read(bad), bad);
        }
    }

    @Test
    void read_deepNesting_refusedNotStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThrows(IOException.class, () -> Json.read(deep));
    }

    @Test
    void read_randomBytes_neverThrowsAnythingButIOException() {
        Random rnd = new Random(20261125);
        String alphabet = "{}[]:,\"\\0123456789.eE-+truefalsn \u00e9\n";
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = rnd.nextInt(40); n > 0; n--) {
                b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String s = b.toString();
            try {
                JsonNode n = Json.read(s);
                assertEquals(MAPPER.readTree(s), n, s);
            } catch (IOException expected) {
                // malformed: refused with a message
            }
        }
    }
}
