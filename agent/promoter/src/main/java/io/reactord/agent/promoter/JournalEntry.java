package io.reactord.agent.promoter;

import java.util.List;

/**
 * One decision of a promoter: the input that mattered, the guard that decided, the state change (equal
 * states for a decision without a transition) and the commands issued.
 *
 * @param timeMs time of the decision on the agent's clock (ms)
 * @param resource resource name
 * @param from state before
 * @param to state after
 * @param input the input, described
 * @param guard the condition that decided, described
 * @param reason the reason, as logged
 * @param commands the commands issued, described (may be empty)
 * @param severity how much it matters (the log level of its line)
 * @param failureCounted whether this decision follows a failure counted toward {@code max-failures} (a failed start or
 *     a start unit that failed); a host fault (systemd unreachable) is never counted
 */
public record JournalEntry(
        long timeMs,
        String resource,
        PromoterState from,
        PromoterState to,
        String input,
        String guard,
        String reason,
        List<String> commands,
        Severity severity,
        boolean failureCounted) {
    public JournalEntry {
        commands = List.copyOf(commands == null ? List.of() : commands);
    }

    /** A decision that follows no counted failure. */
    public JournalEntry(long timeMs, String resource, PromoterState from, PromoterState to, String input, String guard,
            String reason, List<String> commands, Severity severity) {
        this(timeMs, resource, from, to, input, guard, reason, commands, severity, false);
    }
}
