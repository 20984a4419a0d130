package io.reactord.ctl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the promoter part of the daemon's status answer, defensively: {@code resources} may be an
 * object keyed by resource name or an array of objects with a {@code name} (or {@code resource})
 * member. Every member is kept as it came, so the JSON report carries what the daemon knows.
 */
final class DaemonViews {
    /** One mapper for every report (building one is costly; the daemon renders many reports). */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DaemonViews() {}

    /** The {@code records} array of a journal answer, as plain values. */
    static java.util.List<Object> records(JsonNode answer) {
        java.util.List<Object> out = new java.util.ArrayList<>();
        ObjectMapper m = MAPPER;
        for (JsonNode n : answer.path("records")) {
            out.add(m.convertValue(n, Object.class));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(JsonNode answer) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        JsonNode rs = answer.path("resources");
        ObjectMapper m = MAPPER;
        if (rs.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = rs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isObject()) {
                    out.put(e.getKey(), m.convertValue(e.getValue(), LinkedHashMap.class));
                }
            }
        } else if (rs.isArray()) {
            for (JsonNode n : rs) {
                String name = n.path("name").asText(n.path("resource").asText(""));
                if (n.isObject() && !name.isEmpty()) {
                    out.put(name, m.convertValue(n, LinkedHashMap.class));
                }
            }
        }
        return out;
    }
}
