package io.reactord.agent.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.reactord.agent.promoter.JournalEntry;
import java.time.Instant;
import java.util.List;

/**
 * One journal line.
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
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalRecord(
        @JsonProperty("time") String time,
        @JsonProperty("resource") String resource,
        @JsonProperty("from") String from,
        @JsonProperty("to") String to,
        @JsonProperty("input") String input,
        @JsonProperty("guard") String guard,
        @JsonProperty("reason") String reason,
        @JsonProperty("commands") List<String> commands,
        @JsonProperty("severity") String severity) {

    public static JournalRecord of(JournalEntry e, Instant now) {
        return new JournalRecord(now.toString(), e.resource(), e.from().name(), e.to().name(), e.input(), e.guard(),
                e.reason(), e.commands(), e.severity());
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
