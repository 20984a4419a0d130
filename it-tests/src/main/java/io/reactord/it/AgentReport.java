package io.reactord.it;

import java.util.Map;

/**
 * What one agent reports about the resource through its status (the control socket's {@code status}, or the
 * promoter itself in-process).
 *
 * @param state promoter state, e.g. {@code ACTIVE}
 * @param role  the local DRBD role in the agent's view, lower case ({@code primary}, {@code secondary},
 *              {@code unknown} when the agent sees no such DRBD resource)
 * @param peers peer name → connection state as the agent sees it (the agent's enum names, e.g. {@code STANDALONE})
 */
public record AgentReport(String state, String role, Map<String, String> peers) {

    public AgentReport {
        peers = Map.copyOf(peers);
    }

    /** The agent sees no DRBD resource of that name (destroyed, renamed, not yet created). */
    public boolean absent() {
        return "unknown".equals(role) && peers.isEmpty();
    }
}
