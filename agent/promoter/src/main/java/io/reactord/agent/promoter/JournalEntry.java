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
        Severity severity) {
    public JournalEntry {
        commands = List.copyOf(commands == null ? List.of() : commands);
    }
}
