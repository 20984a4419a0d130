package io.reactord.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.reactord.agent.json.Json;
import io.reactord.config.QuorumLossPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DRBD options of one resource that matter to the promoter, read from {@code drbdsetup show RES
 * --show-defaults --json}, and the warnings they deserve. Options are looked up by key anywhere in the
 * JSON tree, so layout differences between drbd-utils versions do not matter.
 *
 * @param readable whether the options could be read; when not, quorum majority without fencing is assumed
 * @param autoPromote {@code auto-promote}
 * @param quorum {@code quorum} (off, majority, all, or a number)
 * @param onNoQuorum {@code on-no-quorum}
 * @param fencing {@code fencing} (dont-care, resource-only, resource-and-stonith)
 */
public record DrbdOptions(boolean readable, boolean autoPromote, String quorum, String onNoQuorum, String fencing) {

    /** What is assumed when the options cannot be read. */
    public static final DrbdOptions ASSUMED = new DrbdOptions(false, false, "majority", null, "dont-care");

    /** Parses the JSON output; {@link #ASSUMED} when it is not JSON. */
    public static DrbdOptions parse(String json) {
        JsonNode root;
        try {
            root = Json.read(json);
        } catch (Exception e) {
            return ASSUMED;
        }
        return of(root);
    }

    /**
     * Parses the output for several resources ({@code drbdsetup show all --show-defaults --json}): the options of
     * each array element that names its {@code "resource"}; empty when the output is not such an array.
     */
    public static Map<String, DrbdOptions> parseAll(String json) {
        Map<String, DrbdOptions> out = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = Json.read(json);
        } catch (Exception e) {
            return out;
        }
        if (root.isArray()) {
            for (JsonNode r : root) {
                if (r.path("resource").isTextual()) {
                    out.put(r.path("resource").asText(), of(r));
                }
            }
        }
        return out;
    }

    private static DrbdOptions of(JsonNode root) {
        if (root == null || root.isMissingNode() || (!root.isArray() && !root.isObject())) {
            return ASSUMED;
        }
        String ap = find(root, "auto-promote");
        return new DrbdOptions(true, ap != null && (ap.equals("true") || ap.equals("yes")),
                orElse(find(root, "quorum"), "off"), find(root, "on-no-quorum"), orElse(find(root, "fencing"), "dont-care"));
    }

    /** Whether fencing is configured (any policy but dont-care). */
    public boolean fencingConfigured() {
        return fencing != null && !fencing.equals("dont-care");
    }

    /**
     * Whether DRBD runs in 2-node fencing mode (quorum off, fencing resource-and-stonith): only then is
     * fencing-promote-delay added to the promote sleep, as drbd-reactor does; with quorum it is not.
     */
    public boolean fencingMode() {
        return "off".equals(quorum) && "resource-and-stonith".equals(fencing);
    }

    /**
     * Why the promoter must not manage the resource, or null: with quorum off and fencing dont-care nothing
     * prevents two Primaries after a partition (drbd-reactor refuses such a resource too). Null when the
     * options could not be read.
     */
    public String refusal() {
        if (readable && "off".equals(quorum) && "dont-care".equals(fencing)) {
            return "DRBD quorum is off and fencing is dont-care: two nodes could become Primary after a partition;"
                    + " set 'quorum majority;' (or, for 2 nodes, fencing resource-and-stonith)";
        }
        return null;
    }

    /** Warnings about options that break the promoter for a resource with {@code policy}. */
    public List<String> warnings(String resource, QuorumLossPolicy policy) {
        List<String> w = new ArrayList<>();
        if (!readable) {
            return w;
        }
        if (autoPromote) {
            w.add(resource + ": DRBD auto-promote is on; opening the device can promote it outside reactord."
                    + " Set 'auto-promote no;' in the resource options");
        }
        if ("off".equals(quorum) && !fencingConfigured()) {
            w.add(resource + ": DRBD quorum is off and fencing is not configured: two nodes can become Primary"
                    + " after a partition. Set 'quorum majority;'");
        }
        if (onNoQuorum != null) {
            if (policy == QuorumLossPolicy.FREEZE && !onNoQuorum.equals("suspend-io")) {
                w.add(resource + ": on-quorum-loss = freeze needs DRBD 'on-no-quorum suspend-io;' (it is " + onNoQuorum + ")");
            } else if (policy == QuorumLossPolicy.SHUTDOWN && !onNoQuorum.equals("io-error")) {
                w.add(resource + ": on-quorum-loss = shutdown expects DRBD 'on-no-quorum io-error;' (it is " + onNoQuorum + ")");
            }
        }
        return w;
    }

    private static String orElse(String s, String d) {
        return s == null ? d : s;
    }

    private static String find(JsonNode n, String key) {
        if (n.isObject()) {
            JsonNode v = n.get(key);
            if (v != null && v.isValueNode()) {
                return v.asText().toLowerCase(Locale.ROOT);
            }
            for (JsonNode c : n) {
                String r = find(c, key);
                if (r != null) {
                    return r;
                }
            }
        } else if (n.isArray()) {
            for (JsonNode c : n) {
                String r = find(c, key);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }
}
