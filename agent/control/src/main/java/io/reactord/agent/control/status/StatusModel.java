package io.reactord.agent.control.status;

import io.reactord.systemd.UnitState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code reactorctl status} shows, gathered once and rendered as text or JSON.
 *
 * @param node           this node's name
 * @param daemonRunning  whether reactord answered on its control socket
 * @param daemonNote     why not, or null when it answered
 * @param snippets       per configuration file, in order
 * @param warnings       report-wide warnings (configuration errors, systemd or DRBD unreadable)
 * @param plugins        the other plugin tables of the files shown (prometheus, debugger, umh, agentx)
 * @param unknownNames   a snippet or resource name asked for matched nothing (reactorctl's exit code 3);
 *                       the warnings say which
 */
public record StatusModel(String node, boolean daemonRunning, String daemonNote, List<Snippet> snippets,
        List<String> warnings, List<Plugin> plugins, boolean unknownNames) {

    /** A report in which every name asked for was found. */
    public StatusModel(String node, boolean daemonRunning, String daemonNote, List<Snippet> snippets,
            List<String> warnings, List<Plugin> plugins) {
        this(node, daemonRunning, daemonNote, snippets, warnings, plugins, false);
    }

    /** A report without plugin tables. */
    public StatusModel(String node, boolean daemonRunning, String daemonNote, List<Snippet> snippets,
            List<String> warnings) {
        this(node, daemonRunning, daemonNote, snippets, warnings, List.of(), false);
    }

    /** The plugin kinds besides the promoter, in drbd-reactorctl's order; {@code key} is the TOML table name. */
    public enum PluginKind {
        PROMETHEUS("prometheus", "Prometheus"),
        DEBUGGER("debugger", "Debugger"),
        UMH("umh", "UMH"),
        AGENTX("agentx", "AgentX");

        private final String key;
        private final String title;

        PluginKind(String key, String title) {
            this.key = key;
            this.title = title;
        }

        public String key() {
            return key;
        }

        public String title() {
            return title;
        }
    }

    /**
     * One plugin table.
     *
     * @param address  where a prometheus exporter listens or an agentx connects; null for the others
     * @param notRunning  null when reactord runs it, otherwise why not (snippet disabled, daemon down, …)
     * @param probes   with -v, a prometheus exporter's TCP connection checks, one line per address
     */
    public record Plugin(PluginKind kind, Path file, boolean disabled, String address, String notRunning,
            List<String> probes) {
        public boolean running() {
            return notRunning == null;
        }
    }

    /** One configuration file and its promoter resources. */
    public record Snippet(Path file, boolean disabled, List<Resource> resources, List<String> errors) {}

    /**
     * One promoter resource.
     *
     * @param activeOn    "this node", "node 'NAME'" or "<unknown>"
     * @param activeNode  the Primary's node name, or null when unknown
     * @param units       target, promote service, then the start list, as systemd reports them
     * @param drbd        this node's DRBD view of the resource, or null (not defined here or unreadable)
     * @param promoter    the daemon's promoter state for it, or null
     * @param journal     the daemon's last journal entries (with -v), oldest first
     * @param masked      units of the resource left masked
     */
    public record Resource(String name, String activeOn, String activeNode, List<UnitState> units,
            List<String> unsupported, Drbd drbd, Promoter promoter, List<String> journal,
            List<String> masked, List<String> warnings) {}

    /**
     * The daemon's promoter state of one resource, from its {@code status} answer (docs/control-socket.md): typed
     * where the report reads it, and {@code members}, every member as it came, for the JSON report, which carries
     * what the daemon knows (a newer daemon's members too).
     *
     * @param state          the promoter state; {@code ?} when the daemon did not say
     * @param reason         why it is in that state, or null
     * @param nextActionInMs time to the pending start or retry, or null (the daemon sends -1 for none)
     * @param failures       start failures counted, or null
     * @param maxFailures    the limit of start failures, or null
     * @param moveTo         the node a move in force prefers, or null
     * @param journal        the last journal records as plain values (with {@code -v}), oldest first
     * @param members        the answer's members for this resource, in the daemon's order
     */
    public record Promoter(String state, String reason, Long nextActionInMs, Long failures, Long maxFailures,
            String moveTo, List<Object> journal, Map<String, Object> members) {

        /** From the members of one resource of the daemon's status answer (plain values). */
        public static Promoter of(Map<String, Object> m) {
            List<Object> journal = m.get("journal") instanceof List<?> l
                    ? java.util.Collections.unmodifiableList(new java.util.ArrayList<Object>(l)) : List.of();
            return new Promoter(String.valueOf(m.getOrDefault("state", "?")), text(m.get("reason")), number(m.get("next_action_in_ms")),
                    number(m.get("failures")), number(m.get("max_failures")), text(m.get("move_to")), journal,
                    java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m)));
        }

        private static String text(Object o) {
            return o == null ? null : String.valueOf(o);
        }

        private static Long number(Object o) {
            return o instanceof Number n ? n.longValue() : null;
        }
    }

    /** This node's DRBD view: local role, quorum, volumes' disks and every peer. */
    public record Drbd(String role, Boolean quorum, Boolean mayPromote, List<String> suspended, List<String> disks,
            List<Peer> peers) {}

    /** A peer as seen over this node's connection to it. */
    public record Peer(String name, int nodeId, String role, String connection, List<String> disks,
            List<String> replication) {}
}
