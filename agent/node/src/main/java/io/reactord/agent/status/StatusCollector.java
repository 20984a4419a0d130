package io.reactord.agent.status;

import io.reactord.agent.control.status.StatusModel;
import io.reactord.agent.files.ConfigFiles;
import io.reactord.agent.files.Snippets;
import io.reactord.config.Diagnostic;
import io.reactord.config.PromoterResource;
import io.reactord.events2.ResourceInfo;
import io.reactord.systemd.SystemdNames;
import io.reactord.systemd.UnitState;
import io.reactord.systemd.UnitStateSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Gathers a {@link StatusModel}: configuration, then the state of every unit in one read, one DRBD
 * snapshot, and the daemon's promoter state when it answers. Each source may fail on its own; the
 * report then says what is missing instead of failing as a whole.
 */
public final class StatusCollector {
    /** The daemon's unit; its state tells "not running" from "running but not answering". */
    public static final String DAEMON_UNIT = "reactord.service";
    /** drbd-reactor's service: it manages the same resources with the same units. */
    public static final String OTHER_AGENT_UNIT = "drbd-reactor.service";

    private final ConfigFiles cfg;
    private final UnitStateSource unitSource;
    private final Supplier<DrbdSnapshot> drbd;
    private final DaemonState daemon;

    public StatusCollector(ConfigFiles cfg, UnitStateSource unitSource, Supplier<DrbdSnapshot> drbd, DaemonState daemon) {
        this.cfg = cfg;
        this.unitSource = unitSource;
        this.drbd = drbd;
        this.daemon = daemon;
    }

    /**
     * @param files     snippet names to show (empty: all, disabled ones included)
     * @param only      resource names to show (empty: all)
     * @param verbose   ask the daemon for journal entries too
     */
    public StatusModel collect(List<String> files, List<String> only, boolean verbose) {
        List<String> warnings = new ArrayList<>();
        boolean unknownNames = false;
        for (Diagnostic d : cfg.errors()) {
            warnings.add("configuration error: " + d);
        }
        List<Path> paths = new ArrayList<>();
        if (files.isEmpty()) {
            for (Path p : cfg.promoterSources()) {
                if (!paths.contains(p)) {
                    paths.add(p);
                }
            }
            for (Path p : Snippets.expand(cfg, List.of(), Snippets.Want.EITHER).files()) {
                if (!paths.contains(p.toAbsolutePath().normalize())) {
                    paths.add(p.toAbsolutePath().normalize());
                }
            }
        } else {
            Snippets.Expansion ex = Snippets.expand(cfg, files, Snippets.Want.EITHER);
            paths.addAll(ex.files());
            for (String u : ex.unknown()) {
                warnings.add("no snippet or promoter resource named '" + u + "'");
                unknownNames = true;
            }
        }

        // the resources to show, per file
        Map<Path, List<PromoterResource>> byFile = new LinkedHashMap<>();
        Map<Path, List<String>> fileErrors = new LinkedHashMap<>();
        List<String> units = new ArrayList<>();
        units.add(DAEMON_UNIT);
        units.add(OTHER_AGENT_UNIT);
        for (Path f : paths) {
            List<PromoterResource> list = new ArrayList<>();
            for (PromoterResource r : cfg.resourcesOf(f)) {
                if (only.isEmpty() || only.contains(r.name())) {
                    list.add(r);
                    units.addAll(unitsOf(r));
                }
            }
            List<String> errs = new ArrayList<>();
            cfg.errorsOf(f).forEach(d -> errs.add(d.toString()));
            if (!list.isEmpty() || !errs.isEmpty()) {
                byFile.put(f, list);
                fileErrors.put(f, errs);
            }
        }
        for (String r : only) {
            boolean found = byFile.values().stream().anyMatch(l -> l.stream().anyMatch(p -> p.name().equals(r)));
            if (!found) {
                warnings.add("no promoter resource named '" + r + "' in the files shown");
                unknownNames = true;
            }
        }

        // drbdsetup runs while systemctl does: two child processes, two cores
        java.util.concurrent.FutureTask<DrbdSnapshot> drbdTask = new java.util.concurrent.FutureTask<>(drbd::get);
        if (!byFile.isEmpty()) {
            Thread t = new Thread(drbdTask, "reactorctl-drbd");
            t.setDaemon(true);
            t.start();
        }
        Map<String, UnitState> states = new LinkedHashMap<>();
        try {
            states.putAll(unitSource.read(units));
        } catch (UnitStateSource.Unreadable | RuntimeException e) {
            warnings.add("cannot read unit states from systemd: " + e.getMessage());
        }
        UnitState other = states.get(OTHER_AGENT_UNIT);
        if (other != null && other.active()) {
            warnings.add(OTHER_AGENT_UNIT + " is active too: drbd-reactor and reactord would manage the same resources"
                    + " (systemctl disable --now " + OTHER_AGENT_UNIT + "; see reactorctl doctor)");
        }

        DrbdSnapshot snap = byFile.isEmpty() ? DrbdSnapshot.failed("nothing to show") : result(drbdTask);
        if (!byFile.isEmpty() && !snap.ok()) {
            warnings.add("cannot read DRBD state: " + snap.error());
        }

        DaemonAnswer daemonAnswer = askDaemon(verbose, states.get(DAEMON_UNIT));

        List<StatusModel.Snippet> snippets = new ArrayList<>();
        for (Map.Entry<Path, List<PromoterResource>> e : byFile.entrySet()) {
            boolean disabled = Snippets.isDisabled(e.getKey());
            List<StatusModel.Resource> rs = new ArrayList<>();
            for (PromoterResource r : e.getValue()) {
                rs.add(resource(r, disabled, states, snap, daemonAnswer));
            }
            snippets.add(new StatusModel.Snippet(e.getKey(), disabled, rs, fileErrors.get(e.getKey())));
        }
        List<Path> pluginFiles = new ArrayList<>();
        if (files.isEmpty() && cfg.mainFile() != null) {
            pluginFiles.add(cfg.mainFile().toAbsolutePath().normalize());
        }
        for (Path p : paths) {
            if (!pluginFiles.contains(p)) {
                pluginFiles.add(p);
            }
        }
        return new StatusModel(cfg.hostname(), daemonAnswer.running, daemonAnswer.note, snippets, warnings,
                plugins(pluginFiles, daemonAnswer.running, verbose), unknownNames);
    }

    /** The non-promoter plugin tables of the files shown, each with whether reactord runs it and why not. */
    private List<StatusModel.Plugin> plugins(List<Path> files, boolean daemonRunning, boolean verbose) {
        List<StatusModel.Plugin> out = new ArrayList<>();
        for (Path f : files) {
            boolean disabled = Snippets.isDisabled(f);
            boolean broken = !cfg.errorsOf(f).isEmpty()
                    || cfg.errors().stream().anyMatch(d -> d.file() != null && f.equals(d.file().toAbsolutePath().normalize()));
            for (StatusModel.Plugin p : PluginScan.of(f, disabled)) {
                String why = p.kind() == StatusModel.PluginKind.AGENTX ? "not supported by reactord"
                        : disabled ? "snippet disabled"
                        : broken ? "its file has errors"
                        : !daemonRunning ? "reactord not running"
                        : null;
                List<String> probes = verbose && p.kind() == StatusModel.PluginKind.PROMETHEUS
                        ? PrometheusProbe.probe(p.address()) : List.of();
                out.add(new StatusModel.Plugin(p.kind(), f, disabled, p.address(), why, probes));
            }
        }
        out.sort(java.util.Comparator.comparing(StatusModel.Plugin::kind)); // stable: file order within a kind
        return out;
    }

    /** The snapshot a task took, or why there is none. */
    public static DrbdSnapshot result(java.util.concurrent.FutureTask<DrbdSnapshot> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DrbdSnapshot.failed("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return DrbdSnapshot.failed(String.valueOf(e.getCause()));
        }
    }

    /** Target, promote service, then the start list's units (OCF entries as their ocf.rs@ units). */
    static List<String> unitsOf(PromoterResource r) {
        List<String> out = new ArrayList<>();
        try {
            out.add(SystemdNames.servicesTarget(r.name()));
            out.add(SystemdNames.promoteService(r.name()));
        } catch (IllegalArgumentException e) {
            return out;
        }
        try {
            out.addAll(r.startUnits());
        } catch (IllegalArgumentException e) {
            // an entry a loaded configuration cannot have; the units read so far stand
        }
        return out;
    }

    private StatusModel.Resource resource(PromoterResource r, boolean disabled, Map<String, UnitState> states,
            DrbdSnapshot snap, DaemonAnswer daemonAnswer) {
        List<UnitState> us = new ArrayList<>();
        List<String> masked = new ArrayList<>();
        for (String u : unitsOf(r)) {
            UnitState s = states.getOrDefault(u, UnitState.unknown(u));
            us.add(s);
            if (s.masked()) {
                masked.add(u);
            }
        }
        List<String> unsupported = List.of();
        ResourceInfo info = snap.resource(r.name());
        StatusModel.Drbd d = info == null ? null : DrbdViews.of(info);
        ActiveOn on = ActiveOn.unknown();
        if (info != null) {
            List<String> primaryPeers = new ArrayList<>();
            if (d != null) {
                d.peers().stream().filter(p -> "Primary".equals(p.role())).forEach(p -> primaryPeers.add(p.name()));
            }
            on = ActiveOn.of(info.isPrimary(), cfg.hostname(), primaryPeers);
        }
        String activeNode = on.node();
        String activeOn = on.text();
        List<String> warnings = new ArrayList<>();
        if (disabled && info != null && info.isPrimary()) {
            warnings.add("snippet disabled, but " + r.name() + " is DRBD Primary on this node: its services run unsupervised");
        }
        if (snap.ok() && info == null) {
            warnings.add("DRBD resource " + r.name() + " does not exist on this node");
        }
        Map<String, Object> members = daemonAnswer.resources.get(r.name());
        StatusModel.Promoter promoter = members == null ? null : StatusModel.Promoter.of(members);
        List<String> journal = new ArrayList<>();
        if (promoter != null) {
            for (Object o : promoter.journal()) {
                journal.add(JournalLines.format(o));
            }
        }
        return new StatusModel.Resource(r.name(), activeOn, activeNode, us, unsupported, d, promoter, journal, masked, warnings);
    }

    /** What the daemon said (or why nothing). */
    private record DaemonAnswer(boolean running, String note, Map<String, Map<String, Object>> resources) {}

    private DaemonAnswer askDaemon(boolean verbose, UnitState unit) {
        if (daemon == null || !daemon.present()) {
            String why = unit != null && unit.active()
                    ? DAEMON_UNIT + " is active but its control socket " + (daemon == null ? "" : daemon.socket() + " ") + "is missing"
                    : "reactord is not running";
            return new DaemonAnswer(false, why, Map.of());
        }
        try {
            Map<String, Map<String, Object>> rs = daemon.resources();
            if (verbose) {
                for (Map.Entry<String, Map<String, Object>> e : rs.entrySet()) {
                    try {
                        e.getValue().put("journal", daemon.journal(e.getKey(), 10));
                    } catch (DaemonState.Unavailable ex) {
                        e.getValue().put("journal", List.of("journal unavailable: " + ex.getMessage()));
                    }
                }
            }
            return new DaemonAnswer(true, null, rs);
        } catch (DaemonState.Unavailable e) {
            return new DaemonAnswer(false, e.getMessage(), Map.of());
        }
    }
}
