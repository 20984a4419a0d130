package io.reactord.agent.control.status;

import static io.reactord.agent.control.status.Terminal.safe;

import io.reactord.systemd.UnitState;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The text form of a {@link StatusModel}. Per resource the first lines are drbd-reactorctl's: the
 * snippet path, {@code Promoter: Resource RES currently active on …} and the unit tree with systemctl's
 * symbols; the cluster view, promoter state and hints follow, indented. Every value that comes from DRBD, systemd
 * or the files (names, states, reasons) goes through {@link Terminal#safe} before it is printed.
 */
public final class StatusText {
    private final Terminal t;

    public StatusText(Terminal t) {
        this.t = t;
    }

    /** Writes the report to {@code out}; report-wide notes (daemon down, warnings) go to {@code err}. */
    public void print(StatusModel r, boolean verbose, PrintStream out, PrintStream err) {
        for (String w : r.warnings()) {
            err.println(t.yellow("WARN:") + " " + safe(w));
        }
        if (!r.daemonRunning()) {
            err.println(t.yellow("NOTE:") + " " + safe(r.daemonNote()) + "; status from systemd, the configuration and drbdsetup");
        }
        for (StatusModel.Snippet s : r.snippets()) {
            out.println(safe(s.file()) + ":" + (s.disabled() ? " " + t.yellow("(disabled)") : ""));
            for (String e : s.errors()) {
                out.println(t.red("ERROR:") + " " + safe(e));
            }
            for (StatusModel.Resource res : s.resources()) {
                resource(res, s, r.daemonRunning(), verbose, out);
            }
        }
        for (StatusModel.Plugin p : r.plugins()) {
            out.println(safe(p.file()) + ":");
            out.println(pluginLine(p));
            for (String probe : p.probes()) {
                out.println(probe.endsWith(": success") ? probe.substring(0, probe.length() - "success".length())
                        + t.green("success") : safe(probe));
            }
        }
    }

    /**
     * drbd-reactorctl's line for a plugin table ({@code Prometheus: listening on ADDR}, {@code UMH: started},
     * {@code Debugger: started}), {@code (disabled)} after the name of a disabled one; a table reactord does not
     * run says so and why instead.
     */
    String pluginLine(StatusModel.Plugin p) {
        String head = p.kind().title() + (p.disabled() ? " " + t.yellow("(disabled)") : "") + ": ";
        if (p.kind() == StatusModel.PluginKind.AGENTX) {
            return head + "not supported by reactord; main agent at " + safe(p.address()) + " ignored";
        }
        String why = p.disabled() ? "" : " (" + safe(p.notRunning()) + ")";
        if (p.kind() == StatusModel.PluginKind.PROMETHEUS) {
            return head + (p.running() ? "listening on " + t.green(safe(p.address()))
                    : "not listening on " + safe(p.address()) + why);
        }
        return head + (p.running() ? t.green("started") : "not started" + why);
    }

    private void resource(StatusModel.Resource res, StatusModel.Snippet s, boolean daemonUp, boolean verbose, PrintStream out) {
        String on = "this node".equals(res.activeOn()) ? t.green(res.activeOn()) : safe(res.activeOn());
        out.println("Promoter: Resource " + safe(res.name()) + (s.disabled() ? " " + t.yellow("(disabled)") : "")
                + " currently active on " + on);
        List<UnitState> units = res.units();
        for (int i = 0; i < units.size(); i++) {
            UnitState u = units.get(i);
            String branch = i == 0 ? "" : (i == units.size() - 1 ? "└─ " : "├─ ");
            out.println(symbol(u) + " " + branch + safe(u.unit()) + suffix(u, verbose));
        }
        for (String o : res.unsupported()) {
            out.println("? " + safe(o) + " (OCF agents are not supported)");
        }
        for (String w : res.warnings()) {
            out.println(t.yellow("WARN:") + " " + safe(w));
        }
        if (res.drbd() != null) {
            StatusModel.Drbd d = res.drbd();
            out.println("  DRBD: " + safe(d.role()) + ", quorum " + yesNo(d.quorum()) + ", may promote " + yesNo(d.mayPromote())
                    + ", disk " + safe(String.join(" ", d.disks()))
                    + (d.suspended().isEmpty() ? "" : ", " + t.red("suspended " + safe(String.join(",", d.suspended())))));
            for (StatusModel.Peer p : d.peers()) {
                String conn = "Connected".equals(p.connection()) ? p.connection() : t.yellow(safe(p.connection()));
                out.println("  peer " + safe(p.name()) + " (node-id " + safe(p.nodeId()) + "): " + safe(p.role()) + ", " + conn
                        + (p.disks().isEmpty() ? "" : ", disk " + safe(String.join(" ", p.disks())))
                        + (p.replication().isEmpty() || p.replication().stream().allMatch(x -> x.endsWith(":Established"))
                                ? "" : ", " + safe(String.join(" ", p.replication()))));
            }
        }
        if (res.promoter() != null) {
            out.println("  Promoter state: " + safe(promoterLine(res.promoter())));
        } else if (!daemonUp) {
            out.println("  Promoter state: unknown (reactord not running)");
        }
        for (String m : res.masked()) {
            String fix = res.units().isEmpty() || !m.equals(res.units().get(0).unit())
                    ? "systemctl unmask --runtime " + m
                    : "reactorctl evict --unmask " + s.file().getFileName();
            out.println("  " + t.yellow("Masked:") + " " + safe(m) + " (clear with: " + safe(fix) + ")");
        }
        if (verbose) {
            if (res.journal().isEmpty()) {
                out.println("  Journal: " + (daemonUp ? "no entries" : "unavailable (reactord not running)"));
            } else {
                out.println("  Journal:");
                for (String j : res.journal()) {
                    out.println("    " + safe(j));
                }
            }
        }
    }

    /** State, reason, countdown to the next action, failure count and a move in progress (docs/control-socket.md). */
    static String promoterLine(StatusModel.Promoter p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.state());
        if (p.reason() != null) {
            sb.append(" (").append(p.reason()).append(')');
        }
        if (p.nextActionInMs() != null && p.nextActionInMs() >= 0) {
            sb.append(", next action in ").append(String.format(java.util.Locale.ROOT, "%.1f s", p.nextActionInMs() / 1000.0));
        }
        if (p.failures() != null) {
            sb.append(", failures ").append(p.failures());
            if (p.maxFailures() != null) {
                sb.append('/').append(p.maxFailures());
            }
        }
        if (p.moveTo() != null) {
            sb.append(", moving to ").append(p.moveTo());
        }
        return sb.toString();
    }

    private static Object first(Map<String, Object> m, String... keys) {
        for (String k : keys) {
            if (m.get(k) != null) {
                return m.get(k);
            }
        }
        return null;
    }

    private String symbol(UnitState u) {
        String s = u.symbol();
        if (u.failed()) {
            return t.red(s);
        }
        if ("active".equals(u.activeState())) {
            return t.green(s);
        }
        return s;
    }

    private String suffix(UnitState u, boolean verbose) {
        StringBuilder sb = new StringBuilder();
        if (u.frozen()) {
            sb.append(" (").append(t.blue(safe(u.freezerState()))).append(')');
        } else if ("thawing".equals(u.freezerState())) {
            sb.append(" (thawing)");
        }
        if (u.masked()) {
            sb.append(" (").append(t.yellow("masked")).append(')');
        }
        if ("not-found".equals(u.loadState())) {
            sb.append(" (").append(t.red("not found")).append(')');
        }
        if (verbose) {
            sb.append(" [").append(safe(u.activeState())).append('/').append(safe(u.subState()))
                    .append(u.result().isEmpty() || "success".equals(u.result()) ? "" : ", result " + safe(u.result())).append(']');
        }
        return sb.toString();
    }

    private static String yesNo(Boolean b) {
        return b == null ? "?" : b ? "yes" : "no";
    }
}
