package io.reactord.agent.control.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reactord.agent.promoter.JournalEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One journal line. Converted to and from JSON trees by hand (absent fields stay absent), so the daemon never
 * loads Jackson's bean introspection just to write its journal.
 *
 * @param time wall-clock time of writing (ISO-8601, UTC), for people; decisions never read it
 * @param resource resource name
 * @param from state before
 * @param to state after (equal to {@code from} for a decision without a transition)
 * @param input the input that mattered
 * @param guard the condition that decided
 * @param reason the reason
 * @param commands commands issued
 * @param severity info, warn or error
 */
public record JournalRecord(
        String time,
        String resource,
        String from,
        String to,
        String input,
        String guard,
        String reason,
        List<String> commands,
        String severity) {

    public static JournalRecord of(JournalEntry e, Instant now) {
        return new JournalRecord(now.toString(), e.resource(), e.from().name(), e.to().name(), e.input(), e.guard(),
                e.reason(), e.commands(), e.severity().word());
    }

    /** This record as a JSON object; null fields are left out. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        putText(o, "time", time);
        putText(o, "resource", resource);
        putText(o, "from", from);
        putText(o, "to", to);
        putText(o, "input", input);
        putText(o, "guard", guard);
        putText(o, "reason", reason);
        if (commands != null) {
            ArrayNode a = o.putArray("commands");
            commands.forEach(a::add);
        }
        putText(o, "severity", severity);
        return o;
    }

    /**
     * A record from a JSON object written by {@link #toJson()}; absent fields are null.
     *
     * @throws IllegalArgumentException when {@code n} is not an object or lacks resource, from or to
     */
    public static JournalRecord fromJson(JsonNode n) {
        if (n == null || !n.isObject() || text(n, "resource") == null || text(n, "from") == null || text(n, "to") == null) {
            throw new IllegalArgumentException("not a journal record");
        }
        List<String> cmds = null;
        if (n.path("commands").isArray()) {
            cmds = new ArrayList<>();
            for (JsonNode c : n.path("commands")) {
                cmds.add(c.asText());
            }
        }
        return new JournalRecord(text(n, "time"), text(n, "resource"), text(n, "from"), text(n, "to"), text(n, "input"),
                text(n, "guard"), text(n, "reason"), cmds, text(n, "severity"));
    }

    private static void putText(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The time as an Instant, or {@link Instant#EPOCH} when unreadable. */
    public Instant instant() {
        try {
            return Instant.parse(time);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    /** One human line: {@code TIME RES: FROM -> TO (reason) [guard] => commands}. */
    public String line() {
        String t = from.equals(to) ? from : from + " -> " + to;
        return time + " " + resource + ": " + t + " (" + reason + ")" + (guard == null || guard.isEmpty() ? "" : " [" + guard + "]")
                + (input == null ? "" : " on " + input)
                + (commands == null || commands.isEmpty() ? "" : " => " + String.join(", ", commands));
    }
}
