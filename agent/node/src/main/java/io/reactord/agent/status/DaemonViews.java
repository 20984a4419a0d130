package io.reactord.agent.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.reactord.agent.json.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the promoter part of the daemon's status answer, defensively: {@code resources} may be an
 * object keyed by resource name or an array of objects with a {@code name} (or {@code resource})
 * member. Every member is kept as it came, so the JSON report carries what the daemon knows. Plain values through
 * {@link Json#plain}, so the daemon, which renders reports too, loads no databind {@code ObjectMapper}.
 */
public final class DaemonViews {
    private DaemonViews() {}

    /** The {@code records} array of a journal answer, as plain values. */
    public static java.util.List<Object> records(JsonNode answer) {
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (JsonNode n : answer.path("records")) {
            out.add(Json.plain(n));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> resources(JsonNode answer) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        JsonNode rs = answer.path("resources");
        if (rs.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = rs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isObject()) {
                    out.put(e.getKey(), (Map<String, Object>) Json.plain(e.getValue()));
                }
            }
        } else if (rs.isArray()) {
            for (JsonNode n : rs) {
                String name = n.path("name").asText(n.path("resource").asText(""));
                if (n.isObject() && !name.isEmpty()) {
                    out.put(name, (Map<String, Object>) Json.plain(n));
                }
            }
        }
        return out;
    }
}
