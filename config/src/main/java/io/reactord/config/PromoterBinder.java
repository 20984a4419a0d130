package io.reactord.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code [[promoter]]} tables. Every resource key is read on one line below with its name,
 * default and validation; {@code max-failures}, {@code failure-window}, {@code start-timeout},
 * {@code fail-back-timeout} and {@code start-settle} are reactord's own.
 */
final class PromoterBinder {
    private PromoterBinder() {}

    /** Most entries in one resource's {@code start} (or {@code stop}) list; see docs/configuration.md, "Limits". */
    static final int MAX_START_ENTRIES = 100;

    static void bind(Section root, Assembly into) {
        for (Section p : root.tables("promoter")) {
            p.deprecated("id", "plugins are identified by their resources");
            ignoredTable(p, "metadata");
            Section resources = p.table("resources");
            if (resources == null) {
                if (!p.has("resources")) p.warn(p.line(), p.where + " has no [promoter.resources.NAME] table and does nothing");
            } else {
                for (Map.Entry<String, TomlNode> e : resources.table.entries.entrySet()) {
                    resources.node(e.getKey());
                    if (!(e.getValue().value() instanceof TomlNode.Table t)) {
                        resources.error(e.getValue().line(), "resource '" + e.getKey() + "' must be a table"
                                + " [promoter.resources." + TomlNode.keyText(e.getKey()) + "], got "
                                + e.getValue().typeName());
                        continue;
                    }
                    Section r = new Section(p.issues, p.file, t, resources.sub(e.getKey()));
                    resource(e.getKey(), r, into);
                }
            }
            p.finish();
        }
    }

    private static void resource(String name, Section r, Assembly into) {
        String badName = ResourceName.problem(name);
        if (badName != null) r.error(r.line(), "resource name " + ResourceName.quoted(name) + " " + badName);

        // key                                   default                       validation
        Runner runner = r.choice("runner", Runner.SYSTEMD, Runner::parse);
        List<TomlNode> start = r.strings("start");
        List<TomlNode> stop = r.strings("stop");
        DependencyKind dependenciesAs = r.choice("dependencies-as", DependencyKind.REQUIRES, DependencyKind::parse);
        DependencyKind targetAs = r.choice("target-as", DependencyKind.REQUIRES, DependencyKind::parse);
        FailureAction onDemoteFailure = r.choice("on-drbd-demote-failure", FailureAction.NONE, FailureAction::parse);
        boolean secondaryForce = r.bool("secondary-force", true);
        boolean stopOnExit = r.bool("stop-services-on-exit", false);
        double sleepFactor = r.number("sleep-before-promote-factor", 1.0, 0.0, 100.0);
        List<TomlNode> preferred = r.strings("preferred-nodes");
        PreferredNodesPolicy preferredPolicy = r.choice("preferred-nodes-policy", PreferredNodesPolicy.ALWAYS,
                PreferredNodesPolicy::parse);
        QuorumLossPolicy onQuorumLoss = r.choice("on-quorum-loss", QuorumLossPolicy.SHUTDOWN, QuorumLossPolicy::parse);
        DiskDetachPolicy onDiskDetach = r.choice("on-disk-detach", DiskDetachPolicy.IGNORE, DiskDetachPolicy::parse);
        Duration fencingDelay = r.duration("fencing-promote-delay", Duration.ofSeconds(5), Duration.ZERO, Duration.ofHours(1));
        boolean adjust = r.bool("adjust-resource-on-start", true);
        int maxFailures = (int) r.integer("max-failures", 5, 1, 1000);
        Duration failureWindow = r.duration("failure-window", Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofDays(7));
        Duration startTimeout = r.duration("start-timeout", PromoterResource.DEFAULT_START_TIMEOUT, Duration.ofSeconds(10), Duration.ofHours(1));
        Duration failBackTimeout = r.duration("fail-back-timeout", PromoterResource.DEFAULT_FAIL_BACK_TIMEOUT, Duration.ofSeconds(1),
                Duration.ofHours(1));
        Duration startSettle = r.duration("start-settle", PromoterResource.DEFAULT_START_SETTLE, Duration.ZERO, Duration.ofMinutes(10));
        r.deprecated("on-stop-failure", "use 'on-drbd-demote-failure'");
        if (r.has("on-stop-failure") && !(r.table.entries.get("on-stop-failure").value() instanceof String)) {
            TomlNode n = r.table.entries.get("on-stop-failure");
            r.error(n.line(), "'on-stop-failure' must be a string, got " + n.typeName() + " " + n.shortText());
        }
        r.finish();

        List<String> startList = checkUnits(r, name, "start", start, runner, into.host);
        List<String> stopList = checkUnits(r, name, "stop", stop, runner, into.host);
        List<String> preferredNodes = new ArrayList<>();
        for (TomlNode n : preferred) {
            String node = (String) n.value();
            String bad = NodeName.error(node);
            if (bad != null) {
                r.error(n.line(), "'preferred-nodes' entry: " + bad);
            } else if (preferredNodes.contains(node)) {
                r.warn(n.line(), "'preferred-nodes' lists \"" + node + "\" twice");
            } else {
                preferredNodes.add(node);
            }
        }

        warnings(r, name, start, stop, runner, preferredNodes, into.host);

        PromoterResource first = into.resources.get(name);
        if (first != null) {
            r.error(r.line(), "resource '" + name + "' already has a promoter in " + Assembly.origin(first.source(), first.line())
                    + "; each resource may be configured in one promoter only (remove one of "
                    + first.source() + " and " + r.file + ")");
            return;
        }
        into.resources.put(name, new PromoterResource(name, r.file, r.line(), startList, stopList, runner, dependenciesAs,
                targetAs, onDemoteFailure, secondaryForce, stopOnExit, sleepFactor, preferredNodes, preferredPolicy,
                onQuorumLoss, onDiskDetach, fencingDelay, adjust, maxFailures, failureWindow, startTimeout, failBackTimeout, startSettle));
    }

    /**
     * Checks each entry of a start/stop list; returns the list (stripped entries for systemd). A unit
     * must be a valid name that reactord can make part of this resource: not reactord's or
     * drbd-reactor's own units, not this resource's target or promote/demote units, and an OCF agent
     * must be installed under the host's OCF root.
     */
    private static List<String> checkUnits(Section r, String name, String key, List<TomlNode> items, Runner runner, HostInfo host) {
        List<String> out = new ArrayList<>();
        if (items.size() > MAX_START_ENTRIES) {
            r.error(items.get(MAX_START_ENTRIES).line(), "'" + key + "' has " + items.size() + " entries, more than the limit of "
                    + MAX_START_ENTRIES + " per resource");
            return out;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (TomlNode n : items) {
            String raw = (String) n.value();
            if (runner == Runner.SHELL) {
                if (raw.isBlank()) r.error(n.line(), "'" + key + "' contains an empty command");
                out.add(raw);
                continue;
            }
            String unit = raw.strip();
            String identity = unit;
            if (OcfEntry.isOcf(unit)) {
                OcfEntry ocf;
                try {
                    ocf = OcfEntry.parse(unit);
                } catch (OcfEntry.Invalid e) {
                    r.error(n.line(), "'" + key + "' entry \"" + unit + "\" is not a valid OCF agent entry: " + e.getMessage());
                    continue;
                }
                identity = ocf.unitName(name);
                if (identity.length() > UnitNames.MAX_LENGTH) {
                    r.error(n.line(), "OCF instance id \"" + ocf.instance() + "\" makes the unit name " + identity
                            + " longer than " + UnitNames.MAX_LENGTH + " characters");
                    continue;
                }
                String missing = host == null ? null : ocf.installProblem(host.ocfRoot());
                if (missing != null) {
                    r.error(n.line(), "'" + key + "' entry \"" + unit + "\": " + missing);
                    continue;
                }
            } else {
                String problem = UnitNames.problem(unit);
                if (problem == null) problem = ownUnitProblem(unit, name);
                if (problem != null) {
                    r.error(n.line(), "unit \"" + unit + "\" in '" + key + "' " + problem);
                    continue;
                }
            }
            Integer dup = seen.putIfAbsent(identity, n.line());
            if (dup != null) {
                r.error(n.line(), "'" + key + "' lists " + (identity.equals(unit) ? "unit \"" + unit + "\"" : "OCF instance " + identity)
                        + " twice (also on line " + dup + "); each unit may appear once");
                continue;
            }
            out.add(unit);
        }
        return out;
    }

    /** Names (before {@code @} or the type) of the HA agents' own units: reactord's and drbd-reactor's service and reload units. */
    static final java.util.Set<String> AGENT_UNITS = java.util.Set.of("reactord", "reactord-reload", "drbd-reactor",
            "drbd-reactor-reload");

    /** Why a (valid) unit name cannot be in this resource's start list, or null. */
    static String ownUnitProblem(String unit, String resource) {
        String stem = unit.substring(0, unit.lastIndexOf('.'));
        int at = stem.indexOf('@');
        String prefix = at < 0 ? stem : stem.substring(0, at);
        if (AGENT_UNITS.contains(prefix)) {
            return "is a unit of the HA agent itself; a start unit is bound to the promotion (restarting the agent"
                    + " would promote DRBD), so it cannot be in a start list";
        }
        if (at >= 0 && (prefix.equals("drbd-services") || prefix.equals("drbd-promote") || prefix.equals("drbd-demote-or-escalate"))
                && UnitNames.unescapeInstance(stem.substring(at + 1)).equals(resource)) {
            return "is one of resource '" + resource + "''s own units, which reactord starts and stops itself;"
                    + " it cannot be in its start list";
        }
        return null;
    }

    /** A table accepted for compatibility and ignored whatever it holds ({@code [promoter.metadata]}, written by LINSTOR Gateway). */
    private static void ignoredTable(Section p, String key) {
        TomlNode n = p.node(key);
        if (n != null && !(n.value() instanceof TomlNode.Table)) {
            p.error(n.line(), "'" + key + "' must be a table [" + "promoter." + key + "], got " + n.typeName());
        }
    }

    private static void warnings(Section r, String name, List<TomlNode> start, List<TomlNode> stop, Runner runner,
            List<String> preferredNodes, HostInfo host) {
        TomlNode startNode = r.table.entries.get("start");
        int startLine = startNode == null ? r.line() : startNode.line();
        if (start.isEmpty() && (startNode == null || startNode.value() instanceof TomlNode.Array)) {
            r.warn(startLine, "resource '" + name + "' has an empty 'start' list: DRBD is promoted but no service is started");
        } else if (runner == Runner.SYSTEMD && !start.isEmpty()) {
            TomlNode last = start.get(start.size() - 1);
            String unit = ((String) last.value()).strip();
            if (unit.endsWith(".mount")) {
                r.warn(last.line(), "the last 'start' unit \"" + unit + "\" is a mount: on stop, processes that keep it"
                        + " open cannot be killed and the demotion fails; start a service after it, or use"
                        + " \"ocf:heartbeat:Filesystem ...\"");
            }
        }
        if (runner == Runner.SYSTEMD && !stop.isEmpty()) {
            r.warn(stop.get(0).line(), "'stop' is ignored with runner \"systemd\": the units of 'start' are stopped"
                    + " through drbd-services@" + name + ".target");
        }
        if (!preferredNodes.isEmpty() && host != null && host.hostname() != null
                && !preferredNodes.contains(host.hostname())) {
            int line = r.table.entries.get("preferred-nodes").line();
            r.warn(line, "'preferred-nodes' does not contain this node \"" + host.hostname()
                    + "\" (as printed by uname -n); it will be the least preferred");
        }
    }
}
