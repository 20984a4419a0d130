package io.reactord.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every node at one instant of the backend's clock.
 *
 * @param timeMs backend time (virtual or monotonic) in milliseconds
 * @param nodes  node name → state, in configuration order
 */
public record Snapshot(long timeMs, Map<String, NodeState> nodes) {

    public Snapshot {
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
    }

    /** Up nodes that are DRBD Primary. */
    public List<String> primaries() {
        List<String> out = new ArrayList<>();
        nodes.values().stream().filter(NodeState::primary).forEach(n -> out.add(n.node()));
        return out;
    }

    /**
     * The node that runs the resource when the cluster is converged: exactly one up node is Primary and runs the
     * target with all its units, and no other node runs any of them. Null otherwise.
     */
    public String converged() {
        String active = null;
        for (NodeState n : nodes.values()) {
            if (n.runsAll() && n.primary()) {
                if (active != null) {
                    return null;
                }
                active = n.node();
            } else if (n.runsAny() || n.primary() || (n.up() && NodeState.running(n.target()))) {
                return null;
            }
        }
        return active;
    }

    /** Nobody runs anything and nobody is Primary. */
    public boolean idle() {
        return nodes.values().stream().noneMatch(n -> n.primary() || n.runsAny()
                || (n.up() && NodeState.running(n.target())));
    }

    /** One compact line per node: name, role, quorum, disk, target, start units, agent, promoter state. */
    public String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("  %-8s %-9s %-6s %-12s %-10s %-18s %-8s %s%n", "node", "role", "quorum", "disk",
                "target", "units", "agent", "promoter"));
        for (NodeState n : nodes.values()) {
            StringBuilder u = new StringBuilder();
            for (String st : n.services().values()) {
                u.append(u.length() == 0 ? "" : ",").append(st);
            }
            s.append(String.format("  %-8s %-9s %-6s %-12s %-10s %-18s %-8s %s%n", n.node(),
                    n.up() ? n.role() : "(down)", n.up() ? (n.quorum() ? "yes" : "no") : "-", n.up() ? n.disk() : "-",
                    n.up() ? n.target() : "-", n.up() ? u : "-", n.agent() ? "running" : "stopped",
                    n.promoter() == null ? "" : n.promoter()));
        }
        return s.toString();
    }

    /** A one-line summary used to notice changes: role/target/units per node. */
    public String signature() {
        StringBuilder s = new StringBuilder();
        for (NodeState n : nodes.values()) {
            s.append(n.node()).append(':').append(n.up() ? n.role() : "down").append('/')
                    .append(n.quorum() ? "q" : "nq").append('/').append(n.disk()).append('/')
                    .append(n.target()).append(n.services().values()).append('/')
                    .append(n.agent() ? "agent" : "no-agent").append(n.promoter() == null ? "" : "/" + n.promoter())
                    .append("  ");
        }
        return s.toString().strip();
    }
}
