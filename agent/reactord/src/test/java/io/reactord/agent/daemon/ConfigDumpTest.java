package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ConfigDumpTest {
    record Inner(String name, List<String> start, Duration delay) {}

    record Outer(Path file, Map<String, Inner> resources, List<Integer> none, Object missing) {}

    @Test
    void render_nestedRecords_indentedWithQuotedEscapedStrings() {
        Map<String, Inner> m = new LinkedHashMap<>();
        m.put("r\u001b[31m0", new Inner("r\u001b[31m0", List.of("a.service", "b \"x\".mount"), Duration.ofSeconds(5)));

        String out = ConfigDump.render(new Outer(Path.of("/etc/reactord.toml"), m, List.of(), null));

        assertEquals(String.join("\n",
                "Outer {",
                "    file: /etc/reactord.toml,",
                "    resources: {",
                "        \"r\\u001b[31m0\": Inner {",
                "            name: \"r\\u001b[31m0\",",
                "            start: [",
                "                \"a.service\",",
                "                \"b \\\"x\\\".mount\",",
                "            ],",
                "            delay: PT5S,",
                "        },",
                "    },",
                "    none: [],",
                "    missing: none,",
                "}"), out);
    }
}
