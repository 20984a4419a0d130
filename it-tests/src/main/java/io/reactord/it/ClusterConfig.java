package io.reactord.it;

import io.reactord.sim.ResourceOptions;
import io.reactord.sim.SimResourceSpec;
import io.reactord.sim.SimTiming;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a backend starts: the simulated nodes, the promoter resource every invariant is about (the LINSTOR
 * controller layout: a mount-like unit and a controller service that writes), DRBD timing, extra promoter keys, and
 * optionally further DRBD resources next to it, each with its own promoter snippet (none by default).
 *
 * @param nodes            node names (also their {@code uname -n} for the agent)
 * @param resource         the DRBD resource the promoter manages
 * @param timing           the simulator's DRBD timing profile
 * @param promoterOptions  extra promoter keys as TOML values, e.g. {@code "on-quorum-loss" -> "\"freeze\""}
 * @param startAgents      whether {@code start} also starts every agent (cold-start scenarios start them later)
 * @param metrics          whether every agent serves metrics ({@code [[prometheus]]}, where the backend has agents
 *                         with an endpoint; off by default: the exporter costs start-up time)
 * @param extraResources   further DRBD resources on every node, in order, each with its complete promoter snippet
 *                         (written as {@code RES.toml} next to the main one; {@link #NODE_DIR} replaced per node);
 *                         the invariants stay about {@code resource}, the scenario checks the others itself
 */
public record ClusterConfig(List<String> nodes, String resource, SimTiming timing, Map<String, String> promoterOptions,
                            boolean startAgents, boolean metrics, Map<String, String> extraResources) {

    /** The resource of the LINSTOR controller layout. */
    public static final String RESOURCE = "linstor_db";
    /** The mount-like unit: opens the DRBD device read-write (fails on a Secondary). */
    public static final String MOUNT_UNIT = "var-lib-linstor-mount.service";
    /** The writer: appends sequence numbers to the device and logs every acknowledged one. */
    public static final String CONTROLLER_UNIT = "linstor-controller.service";
    /** Start units in order, as in the promoter snippet. */
    public static final List<String> START_UNITS = List.of(MOUNT_UNIT, CONTROLLER_UNIT);

    /**
     * Replaced by the node's own directory where a backend writes the snippet for one node (paths of shell commands
     * and OCF state files in scenarios 32 and 33).
     */
    public static final String NODE_DIR = "@NODE_DIR@";

    public ClusterConfig {
        nodes = List.copyOf(nodes);
        promoterOptions = Map.copyOf(promoterOptions);
        extraResources = Collections.unmodifiableMap(new LinkedHashMap<>(extraResources));
        if (extraResources.containsKey(resource)) {
            throw new IllegalArgumentException("extra resource " + resource + " is the main resource");
        }
    }

    /** One resource: the fault suite's default. */
    public ClusterConfig(List<String> nodes, String resource, SimTiming timing, Map<String, String> promoterOptions,
                         boolean startAgents, boolean metrics) {
        this(nodes, resource, timing, promoterOptions, startAgents, metrics, Map.of());
    }

    /** Three nodes alpha, bravo, charlie; {@code sleep-before-promote-factor = 0}; short backoff. */
    public static ClusterConfig standard(SimTiming timing) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("sleep-before-promote-factor", "0");
        return new ClusterConfig(List.of("alpha", "bravo", "charlie"), RESOURCE, timing, o, true, false);
    }

    /** This configuration with one more (or replaced) promoter key. */
    public ClusterConfig with(String key, String tomlValue) {
        Map<String, String> o = new LinkedHashMap<>(promoterOptions);
        o.put(key, tomlValue);
        return new ClusterConfig(nodes, resource, timing, o, startAgents, metrics, extraResources);
    }

    public ClusterConfig withAgentsStarted(boolean start) {
        return new ClusterConfig(nodes, resource, timing, promoterOptions, start, metrics, extraResources);
    }

    public ClusterConfig withTiming(SimTiming t) {
        return new ClusterConfig(nodes, resource, t, promoterOptions, startAgents, metrics, extraResources);
    }

    public ClusterConfig withMetrics(boolean on) {
        return new ClusterConfig(nodes, resource, timing, promoterOptions, startAgents, on, extraResources);
    }

    /** This configuration with one more DRBD resource next to the main one, managed through {@code snippet}. */
    public ClusterConfig withExtraResource(String name, String snippet) {
        Map<String, String> x = new LinkedHashMap<>(extraResources);
        x.put(name, snippet);
        return new ClusterConfig(nodes, resource, timing, promoterOptions, startAgents, metrics, x);
    }

    /**
     * The simulator's resources: the main one (minor 1000, port 7000, as {@link SimResourceSpec#simple}) first, then
     * each extra resource on the next minor and port.
     */
    public List<SimResourceSpec> simResources() {
        List<SimResourceSpec> out = new ArrayList<>();
        out.add(SimResourceSpec.simple(resource));
        int i = 1;
        for (String r : extraResources.keySet()) {
            out.add(new SimResourceSpec(r, 1, 1000 + i, 7000 + i, ResourceOptions.recommended(), Set.of()));
            i++;
        }
        return out;
    }

    /** Prefix of a {@code promoterOptions} key written into {@code [promoter.metadata]} (as LINSTOR Gateway does). */
    public static final String METADATA = "metadata.";

    /**
     * The promoter snippet every node uses (drbd-reactor syntax); a {@code start} key in {@code promoterOptions}
     * replaces the default start list; keys starting with {@link #METADATA} go into a {@code [promoter.metadata]}
     * table ahead of the resource, as LINSTOR Gateway writes its snippets.
     */
    public String snippet() {
        StringBuilder s = new StringBuilder("[[promoter]]\n");
        if (promoterOptions.keySet().stream().anyMatch(k -> k.startsWith(METADATA))) {
            s.append("[promoter.metadata]\n");
            promoterOptions.forEach((k, v) -> {
                if (k.startsWith(METADATA)) {
                    s.append(k.substring(METADATA.length())).append(" = ").append(v).append('\n');
                }
            });
        }
        s.append("[promoter.resources.").append(resource).append("]\n");
        if (!promoterOptions.containsKey("start")) {
            s.append("start = [");
            for (int i = 0; i < START_UNITS.size(); i++) {
                s.append(i == 0 ? "" : ", ").append('"').append(START_UNITS.get(i)).append('"');
            }
            s.append("]\n");
        }
        promoterOptions.forEach((k, v) -> {
            if (!k.startsWith(METADATA)) {
                s.append(k).append(" = ").append(v).append('\n');
            }
        });
        return s.toString();
    }
}
