package io.reactord.agent.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
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
