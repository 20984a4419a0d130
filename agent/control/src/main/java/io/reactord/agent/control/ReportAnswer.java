package io.reactord.agent.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reactord.agent.json.Json;

/** The answer to {@link ReportRequest}: what {@code reactorctl status} prints and returns. */
public record ReportAnswer(String stdout, String stderr, int exit) {
    /** The answer object ({@code ok}, {@code stdout}, {@code stderr}, {@code exit}). */
    public ObjectNode toJson() {
        return Json.object().put("ok", true).put("stdout", stdout).put("stderr", stderr).put("exit", exit);
    }

    /** Reads an answer; IllegalArgumentException when it is not a successful report answer (e.g. from an older daemon). */
    public static ReportAnswer of(JsonNode a) {
        JsonNode o = a.path("stdout");
        JsonNode e = a.path("stderr");
        JsonNode x = a.path("exit");
        if (!a.path("ok").isBoolean() || !a.path("ok").booleanValue() || !o.isTextual() || !e.isTextual() || !x.canConvertToInt() || !x.isIntegralNumber()) {
            throw new IllegalArgumentException("not a report answer");
        }
        return new ReportAnswer(o.asText(), e.asText(), x.intValue());
    }
}
