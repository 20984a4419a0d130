package io.reactord.agent.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.reactord.config.NodeName;
import io.reactord.config.ResourceName;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of the control socket (docs/control-socket.md), typed: reactorctl builds these and sends
 * {@link #toMap()}; the daemon reads a line with {@link #parse} and handles the record. Every check of a request's
 * members happens in {@link #parse}, so a handler only sees valid requests. {@code report} is {@link ReportRequest}.
 */
public sealed interface ControlRequest permits ControlRequest.Ping, ControlRequest.Status, ControlRequest.Journal,
        ControlRequest.Why, ControlRequest.Evict, ControlRequest.Move, ControlRequest.Disable, ControlRequest.Enable,
        ReportRequest {
    /** The longest {@code move} hold, in seconds. */
    long MAX_MOVE_S = Duration.ofHours(24).toSeconds();
    /** The {@code move} hold when the request names none, in seconds. */
    long DEFAULT_MOVE_S = Duration.ofMinutes(10).toSeconds();
    /** The largest {@code journal} limit. */
    int MAX_JOURNAL_LIMIT = 100_000;

    /** The request's {@code cmd}. */
    String cmd();

    /** The request object as it goes on the wire ({@code cmd} first). */
    Map<String, Object> toMap();

    /** {@code ping}: is the daemon there, and which version. */
    record Ping() implements ControlRequest {
        public String cmd() {
            return "ping";
        }

        public Map<String, Object> toMap() {
            return wire(cmd(), null);
        }
    }

    /** {@code status} of every resource, or {@code resource} of one. */
    record Status(String resource) implements ControlRequest {
        public String cmd() {
            return resource == null ? "status" : "resource";
        }

        public Map<String, Object> toMap() {
            return wire(cmd(), resource);
        }
    }

    /** {@code journal}: the decision records of one resource (or all), at most {@code limit}, from {@code since}. */
    record Journal(String resource, Instant since, int limit) implements ControlRequest {
        public Journal {
            if (limit < 0 || limit > MAX_JOURNAL_LIMIT) {
                throw new IllegalArgumentException("\"limit\" must be 0.." + MAX_JOURNAL_LIMIT);
            }
        }

        public String cmd() {
            return "journal";
        }

        public Map<String, Object> toMap() {
            return wire(cmd(), resource, "since", since == null ? null : since.toString(), "limit", limit);
        }
    }

    /** {@code why}: the last decisions of one resource, explained. */
    record Why(String resource) implements ControlRequest {
        public String cmd() {
            return "why";
        }

        public Map<String, Object> toMap() {
            return wire(cmd(), resource);
        }
    }

    /** {@code evict}: release the resource here (and keep its target masked while {@code keepMasked}). */
    record Evict(String resource, boolean keepMasked) implements ControlRequest {
        public String cmd() {
            return "evict";
        }

        public Map<String, Object> toMap() {
            return wire(cmd(), resource, "keep_masked", keepMasked);
        }
    }

    /** {@code move}: release the resource here for {@code node} to take it, held for {@code forSeconds}. */
    record Move(String resource, String to, long forSeconds) implements ControlRequest {
        public Move {
            if (to == null || to.isEmpty()) {
                throw new IllegalArgumentException("move needs \"to\": a node name");
            }
            String bad = NodeName.error(to);
            if (bad != null) {
                throw new IllegalArgumentException("\"to\": " + bad);
            }
            if (forSeconds <= 0 || forSeconds > MAX_MOVE_S) {
                throw new IllegalArgumentException("\"for_s\" must be 1.." + MAX_MOVE_S);
            }
        }

        public String cmd() {
            return "move";
        }

        public Map<String, Object> toMap() {
            return wire(cmd(), resource, "to", to, "for_s", forSeconds);
        }
    }

    /** {@code disable}: hands off the resource here (and stop its services at once with {@code now}). */
    record Disable(String resource, boolean now) implements ControlRequest {
        public String cmd() {
            return "disable";
        }

        public Map<String, Object> toMap() {
            return wire(cmd(), resource, "now", now);
        }
    }

    /** {@code enable}: manage the resource here again (clears FAILED, ends an eviction). */
    record Enable(String resource) implements ControlRequest {
        public String cmd() {
            return "enable";
        }

        public Map<String, Object> toMap() {
            return wire(cmd(), resource);
        }
    }

    /** The commands {@link #parse} knows, for the error that names them. */
    String KNOWN = "ping, status, resource, report, journal, why, evict, move, disable, enable";

    /**
     * Reads one request object.
     *
     * @throws IllegalArgumentException with a message for the client: an unknown {@code cmd}, a missing or invalid
     *     member
     */
    static ControlRequest parse(JsonNode req) {
        String cmd = req.path("cmd").asText();
        return switch (cmd) {
            case "ping" -> new Ping();
            case "status" -> new Status(null);
            case "resource" -> new Status(resource(req));
            case ReportRequest.CMD -> ReportRequest.of(req);
            case "journal" -> new Journal(req.path("resource").isMissingNode() || req.path("resource").isNull()
                    ? null : resource(req), since(req), req.path("limit").asInt(200));
            case "why" -> new Why(resource(req));
            case "evict" -> new Evict(resource(req), req.path("keep_masked").asBoolean(false));
            case "move" -> new Move(resource(req), req.path("to").asText(""), req.path("for_s").asLong(DEFAULT_MOVE_S));
            case "disable" -> new Disable(resource(req), req.path("now").asBoolean(false));
            case "enable" -> new Enable(resource(req));
            default -> throw new IllegalArgumentException("unknown cmd '" + ControlServer.printable(cmd) + "' (" + KNOWN + ")");
        };
    }

    /** The request's {@code "resource"}: a text that follows {@link ResourceName}, else a clear error for the client. */
    private static String resource(JsonNode req) {
        JsonNode r = req.path("resource");
        if (r.isMissingNode() || r.isNull() || r.isTextual() && r.asText().isEmpty()) {
            throw new IllegalArgumentException("this request needs \"resource\"");
        }
        if (!r.isTextual()) {
            throw new IllegalArgumentException("\"resource\" must be a string");
        }
        String bad = ResourceName.error(r.asText());
        if (bad != null) {
            throw new IllegalArgumentException(bad);
        }
        return r.asText();
    }

    private static Instant since(JsonNode req) {
        if (!req.path("since").isTextual()) {
            return null;
        }
        try {
            return Instant.parse(req.path("since").asText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("\"since\" must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
    }

    /** The wire form: {@code cmd}, then {@code resource} and the key/value pairs whose value is not null. */
    private static Map<String, Object> wire(String cmd, String resource, Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cmd", cmd);
        if (resource != null) {
            m.put("resource", resource);
        }
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }
}
