package io.reactord.ctl.status;

import io.reactord.ctl.support.Json;
import io.reactord.ctl.support.UnitState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of a {@link StatusReport}: one object, member names in snake_case. */
public final class StatusJsonWriter {
    private StatusJsonWriter() {}

    public static String write(StatusReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("node", r.node());
        Map<String, Object> daemon = new LinkedHashMap<>();
        daemon.put("running", r.daemonRunning());
        daemon.put("note", r.daemonNote());
        root.put("daemon", daemon);
        List<Object> snippets = new ArrayList<>();
        for (StatusReport.Snippet s : r.snippets()) {
            Map<String, Object> sn = new LinkedHashMap<>();
            sn.put("file", s.file().toString());
            sn.put("disabled", s.disabled());
            sn.put("errors", s.errors());
            List<Object> rs = new ArrayList<>();
            for (StatusReport.Resource res : s.resources()) {
                rs.add(resource(res));
            }
            sn.put("resources", rs);
            snippets.add(sn);
        }
        root.put("snippets", snippets);
        root.put("warnings", r.warnings());
        return Json.write(root);
    }

    private static Map<String, Object> resource(StatusReport.Resource res) {
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
        m.put("promoter", res.promoter());
        m.put("masked", res.masked());
        m.put("journal", res.journal());
        m.put("warnings", res.warnings());
        return m;
    }

    private static Map<String, Object> drbd(StatusReport.Drbd d) {
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
        for (StatusReport.Peer p : d.peers()) {
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
