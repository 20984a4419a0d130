package io.reactord.agent.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control socket's {@code report} request: render {@code reactorctl status} with these arguments.
 *
 * @param config    the main file the caller means (absolute), or null for whichever the daemon runs with
 * @param files     snippet files as {@code reactorctl status} takes them
 * @param resources resource names as {@code reactorctl status} takes them
 * @param verbose   {@code -v}
 * @param json      {@code --json}
 * @param colour    whether the caller's terminal takes colour
 */
public record ReportRequest(Path config, List<String> files, List<String> resources, boolean verbose, boolean json,
        boolean colour) implements ControlRequest {
    public static final String CMD = "report";

    @Override
    public String cmd() {
        return CMD;
    }

    public ReportRequest {
        files = List.copyOf(files);
        resources = List.copyOf(resources);
    }

    /** The request object as it goes on the wire (members in this order; {@code resources} only when given). */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cmd", CMD);
        if (config != null) {
            m.put("config", config.toString());
        }
        m.put("files", files);
        if (!resources.isEmpty()) {
            m.put("resources", resources);
        }
        m.put("verbose", verbose);
        m.put("json", json);
        m.put("colour", colour);
        return m;
    }

    /** The request as the daemon reads it: members of the wrong type read as absent. */
    public static ReportRequest of(JsonNode req) {
        JsonNode c = req.path("config");
        return new ReportRequest(c.isTextual() ? Path.of(c.asText()) : null, strings(req.path("files")),
                strings(req.path("resources")), req.path("verbose").asBoolean(false), req.path("json").asBoolean(false),
                req.path("colour").asBoolean(false));
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : n) {
            if (s.isTextual()) {
                out.add(s.asText());
            }
        }
        return out;
    }
}
