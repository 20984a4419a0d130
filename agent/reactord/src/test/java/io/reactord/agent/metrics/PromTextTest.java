package io.reactord.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The test parser must reject what Prometheus rejects, or the scrape tests prove nothing. */
final class PromTextTest {

    @Test
    void parse_wellFormed_samplesKeyedCanonically() {
        PromText t = PromText.parse("# HELP a_b x\\ny\n# TYPE a_b gauge\na_b{z=\"1\",a=\"q\\\"\"} 1.5e3\n");
        assertEquals(1500.0, t.samples.get("a_b{a=\"q\\\"\",z=\"1\"}"));
        assertEquals("x\ny", t.help.get("a_b"));
    }

    @Test
    void parse_malformed_rejected() {
        String[] bad = {
            "# TYPE a gauge\na 1",                                  // no final newline
            "a 1\n",                                                // no TYPE
            "# TYPE 1a gauge\n1a 1\n",                              // bad name
            "# TYPE a gauge\na{b=1} 1\n",                           // unquoted label
            "# TYPE a gauge\na{b=\"\\x\"} 1\n",                     // bad escape
            "# TYPE a gauge\na 1\na 2\n",                           // duplicate series
            "# TYPE a gauge\na one\n",                              // bad value
            "# TYPE a gauge\na 1\n# TYPE a gauge\n",                // second TYPE
            "# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\n# TYPE a counter\n", // family split
            "# TYPE a gauge\na{b=\"1\",b=\"2\"} 1\n",               // duplicate label
            "# TYPE a counter\na_x 1\n",                            // sample of another family
            "# TYPE a wrong\na 1\n",                                // bad type
        };
        for (String s : bad) {
            assertThrows(IllegalArgumentException.class, () -> PromText.parse(s), s);
        }
    }
}
