package io.reactord.it;

import java.util.Map;

/**
 * One node as observed at one instant.
 *
 * @param node      node name
 * @param up        the simulated node runs (not crashed or shut down)
 * @param agent     the agent runs on it
 * @param role      DRBD role in the simulator ({@code Primary}, {@code Secondary}, or {@code -} when down)
 * @param quorum    DRBD quorum of volume 0
 * @param disk      local disk state of volume 0
 * @param target    ActiveState of {@code drbd-services@RES.target} ({@code -} when unknown)
 * @param services  ActiveState of each start unit
 * @param promoter  the agent's promoter state when the backend can read it cheaply, else null
 * @param primaryAround the node was Primary in a role reading taken just before or just after the units were
 *                  read (units and roles cannot be read atomically from a real manager; equals the role otherwise)
 */
public record NodeState(String node, boolean up, boolean agent, String role, boolean quorum, String disk,
                        String target, Map<String, String> services, String promoter, boolean primaryAround) {

    public NodeState {
        services = Map.copyOf(services);
    }

    public boolean primary() {
        return up && "Primary".equals(role);
    }

    /**
     * The target is active and every start unit is up: {@code active} (or {@code reloading}). A unit that is
     * still starting, restarting after a crash ({@code activating}) or going down ({@code deactivating}) does not
     * run the resource yet, so a node in the middle of handling a crash is not mistaken for a converged one
     * (fault scenario 10 once took a Primary whose crashed controller was being stopped for the converged node,
     * just before that node released the resource to a peer).
     */
    public boolean runsAll() {
        return up && "active".equals(target) && !services.isEmpty()
                && services.values().stream().allMatch(NodeState::up);
    }

    /** Whether an ActiveState means the unit is up (started and not being stopped). */
    public static boolean up(String activeState) {
        return "active".equals(activeState) || "reloading".equals(activeState);
    }

    /** Some start unit of the target runs (or is being started or stopped). */
    public boolean runsAny() {
        return up && services.values().stream().anyMatch(NodeState::running);
    }

    /** Whether an ActiveState means the unit's processes may run. */
    public static boolean running(String activeState) {
        return switch (activeState) {
            case "active", "activating", "deactivating", "reloading" -> true;
            default -> false;
        };
    }
}
