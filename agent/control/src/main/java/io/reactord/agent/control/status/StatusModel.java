package io.reactord.agent.control.status;

import io.reactord.agent.units.UnitState;
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
     * @param promoter    the daemon's promoter state for it (its JSON members), or null
     * @param journal     the daemon's last journal entries (with -v), oldest first
     * @param masked      units of the resource left masked
     */
    public record Resource(String name, String activeOn, String activeNode, List<UnitState> units,
            List<String> unsupported, Drbd drbd, Map<String, Object> promoter, List<String> journal,
            List<String> masked, List<String> warnings) {}

    /** This node's DRBD view: local role, quorum, volumes' disks and every peer. */
    public record Drbd(String role, Boolean quorum, Boolean mayPromote, List<String> suspended, List<String> disks,
            List<Peer> peers) {}

    /** A peer as seen over this node's connection to it. */
    public record Peer(String name, int nodeId, String role, String connection, List<String> disks,
            List<String> replication) {}
}
