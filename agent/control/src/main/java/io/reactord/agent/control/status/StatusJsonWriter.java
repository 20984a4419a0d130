package io.reactord.agent.control.status;

import io.reactord.agent.json.Json;
import io.reactord.systemd.UnitState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link StatusModel}: drbd-reactorctl's {@code status --json} object (members
 * {@code promoter}, {@code prometheus}, {@code debugger}, {@code umh}, {@code agentx}, with its member names and
 * value types), plus reactord's own report under {@code reactord}, a name drbd-reactorctl does not use.
 * docs/reactorctl.md lists the mapping.
 */
public final class StatusJsonWriter {
    /** drbd-reactorctl's {@code primary_on} when no node is DRBD Primary (or DRBD could not be read). */
    static final String UNKNOWN_PRIMARY = "unknown";
    /** drbd-reactorctl's {@code freezer} when systemd reports no FreezerState. */
    static final String UNKNOWN_FREEZER = "unknown";

    private StatusJsonWriter() {}

    public static String write(StatusModel r) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> promoter = new ArrayList<>();
        for (StatusModel.Snippet s : r.snippets()) {
            for (StatusModel.Resource res : s.resources()) {
                promoter.add(promoterEntry(s, res));
            }
        }
        root.put("promoter", promoter);
        for (StatusModel.PluginKind kind : StatusModel.PluginKind.values()) {
            List<Object> list = new ArrayList<>();
            for (StatusModel.Plugin p : r.plugins()) {
                if (p.kind() == kind) {
                    list.add(pluginEntry(p));
                }
            }
            root.put(kind.key(), list);
        }
        root.put("reactord", reactord(r));
        return Json.write((Object) root);
    }

    /** One drbd-reactorctl promoter entry: {@code target} and {@code dependencies} are {name, status, freezer}. */
    private static Map<String, Object> promoterEntry(StatusModel.Snippet s, StatusModel.Resource res) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("drbd_resource", res.name());
        m.put("path", s.file().toString());
        m.put("enabled", !s.disabled());
        m.put("primary_on", res.activeNode() == null ? UNKNOWN_PRIMARY : res.activeNode());
        List<UnitState> units = res.units();
        UnitState target = units.isEmpty() ? null : units.get(0);
        m.put("target", target == null ? null : systemdUnit(target));
        List<Object> deps = new ArrayList<>();
        for (int i = 1; i < units.size(); i++) {
            deps.add(systemdUnit(units.get(i)));
        }
        m.put("dependencies", deps);
        m.put("status", target == null ? "unknown" : target.activeState());
        return m;
    }

    private static Map<String, Object> systemdUnit(UnitState u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.unit());
        m.put("status", u.activeState());
        m.put("freezer", u.freezerState().isEmpty() ? UNKNOWN_FREEZER : u.freezerState());
        return m;
    }

    /** {@code path}, {@code enabled}, {@code address} (prometheus, agentx) and {@code status}, as drbd-reactorctl. */
    private static Map<String, Object> pluginEntry(StatusModel.Plugin p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", p.file().toString());
        m.put("enabled", !p.disabled());
        if (p.address() != null) {
            m.put("address", p.address());
        }
        m.put("status", p.running() ? "active" : "inactive");
        return m;
    }

    /** reactord's own report: the object {@code status --json} printed before it took drbd-reactorctl's schema. */
    private static Map<String, Object> reactord(StatusModel r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("node", r.node());
        Map<String, Object> daemon = new LinkedHashMap<>();
        daemon.put("running", r.daemonRunning());
        daemon.put("note", r.daemonNote());
        root.put("daemon", daemon);
        List<Object> snippets = new ArrayList<>();
        for (StatusModel.Snippet s : r.snippets()) {
            Map<String, Object> sn = new LinkedHashMap<>();
            sn.put("file", s.file().toString());
            sn.put("disabled", s.disabled());
            sn.put("errors", s.errors());
            List<Object> rs = new ArrayList<>();
            for (StatusModel.Resource res : s.resources()) {
                rs.add(resource(res));
            }
            sn.put("resources", rs);
            snippets.add(sn);
        }
        root.put("snippets", snippets);
        root.put("warnings", r.warnings());
        List<Object> plugins = new ArrayList<>();
        for (StatusModel.Plugin p : r.plugins()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("kind", p.kind().key());
            pm.put("file", p.file().toString());
            pm.put("disabled", p.disabled());
            pm.put("address", p.address());
            pm.put("running", p.running());
            pm.put("not_running", p.notRunning());
            pm.put("probes", p.probes());
            plugins.add(pm);
        }
        root.put("plugins", plugins);
        return root;
    }

    private static Map<String, Object> resource(StatusModel.Resource res) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", res.name());
        m.put("active_on", res.activeOn());
        m.put("active_node", res.activeNode());
        List<Object> units = new ArrayList<>();
        for (UnitState u : res.units()) {
            Map<String, Object> um = new LinkedHashMap<>();
            um.put("unit", u.unit());
            um.put("symbol", u.symbol());
            um.put("load_state", u.loadState());
            um.put("active_state", u.activeState());
            um.put("sub_state", u.subState());
            um.put("freezer_state", u.freezerState().isEmpty() ? null : u.freezerState());
            um.put("masked", u.masked());
            um.put("result", u.result().isEmpty() ? null : u.result());
            units.add(um);
        }
        m.put("units", units);
        m.put("unsupported", res.unsupported());
        m.put("drbd", drbd(res.drbd()));
        m.put("promoter", res.promoter() == null ? null : res.promoter().members());
        m.put("masked", res.masked());
        m.put("journal", res.journal());
        m.put("warnings", res.warnings());
        return m;
    }

    private static Map<String, Object> drbd(StatusModel.Drbd d) {
        if (d == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", d.role());
        m.put("quorum", d.quorum());
        m.put("may_promote", d.mayPromote());
        m.put("suspended", d.suspended());
        m.put("disks", d.disks());
        List<Object> peers = new ArrayList<>();
        for (StatusModel.Peer p : d.peers()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("node_id", p.nodeId());
            pm.put("role", p.role());
            pm.put("connection", p.connection());
            pm.put("disks", p.disks());
            pm.put("replication", p.replication());
            peers.add(pm);
        }
        m.put("peers", peers);
        return m;
    }
}
