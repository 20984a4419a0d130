package io.reactord.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;

/** One sentence that answers "why is RES (not) running here", from a resource's status object. */
final class Why {
    private Why() {}

    static String answer(JsonNode r, String host) {
        String name = r.path("name").asText();
        String state = r.path("state").asText();
        String reason = r.path("reason").asText();
        JsonNode drbd = r.path("drbd");
        String drbdLine = drbd.isMissingNode() ? "DRBD state unknown"
                : "DRBD: role " + drbd.path("role").asText() + ", may_promote " + (drbd.path("may_promote").asBoolean() ? "yes" : "no")
                + ", quorum " + (drbd.path("quorum").asBoolean() ? "yes" : "no");
        String where = r.path("active_on").isTextual() ? "; active on " + r.path("active_on").asText() : "";
        String failures = r.path("failures").asInt() > 0
                ? "; " + r.path("failures").asInt() + "/" + r.path("max_failures").asInt() + " failures in the window" : "";
        String next = r.path("next_action_in_ms").asLong(-1) >= 0
                ? "; next attempt in " + (r.path("next_action_in_ms").asLong() + 999) / 1000 + " s" : "";
        String verb;
        switch (state) {
            case "ACTIVE":
                verb = "is running here";
                break;
            case "STARTING":
                verb = "is being started here";
                break;
            case "FROZEN":
                verb = "is frozen here (quorum lost)";
                break;
            case "STOPPING":
                verb = "is being stopped here";
                break;
            case "PENDING":
                verb = "will be started here unless a peer wins first";
                break;
            default:
                verb = "is not running here";
        }
        return name + " " + verb + " (" + state + ": " + reason + ")" + where + failures + next + ". " + drbdLine + ".";
    }
}
