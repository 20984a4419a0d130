package io.reactord.systemd;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An OCF resource agent in a resource's start list, as the drop-in generator needs it: it runs as the
 * instance {@code ocf.rs@INSTANCE_RES.service} of the {@code ocf.rs@.service} template (drbd-reactor's
 * naming), whose wrapper ({@code reactord-ocf}) reads the agent's path from {@code AGENT} and its
 * parameters from {@code OCF_RESKEY_*}, both set by the instance's drop-in. The config module parses
 * {@code ocf:VENDOR:AGENT INSTANCE KEY=VALUE ...}; the agent maps that entry to this record.
 *
 * @param vendor   the provider directory under {@code OCF_ROOT/resource.d}, e.g. {@code heartbeat}
 * @param agent    the agent's file name, e.g. {@code IPaddr2}
 * @param instance the instance id
 * @param params   parameter name (without {@code OCF_RESKEY_}) to value, in written order
 */
public record OcfAgent(String vendor, String agent, String instance, Map<String, String> params) {

    /** {@code OCF_ROOT} of the units and the agent paths in the drop-ins. */
    public static final Path DEFAULT_OCF_ROOT = Path.of("/usr/lib/ocf");

    private static final Pattern PATH_PART = Pattern.compile("[A-Za-z0-9_.+-]+");
    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9_]+");

    public OcfAgent {
        for (String part : new String[] {Objects.requireNonNull(vendor, "vendor"), Objects.requireNonNull(agent, "agent")}) {
            if (!PATH_PART.matcher(part).matches() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("OCF agent ocf:" + vendor + ":" + agent
                        + ": vendor and agent must be file names (letters, digits, _ . + -)");
            }
        }
        if (Objects.requireNonNull(instance, "instance").isEmpty() || instance.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("OCF agent ocf:" + vendor + ":" + agent + ": empty instance id or control character in it");
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(params, "params")));
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (!PARAM_NAME.matcher(p.getKey()).matches()) {
                throw new IllegalArgumentException("OCF agent instance " + instance + ": invalid parameter name "
                        + SystemdNames.printable(p.getKey()));
            }
            if (p.getValue().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("OCF agent instance " + instance + ": parameter " + p.getKey()
                        + " contains a NUL character");
            }
        }
    }

    /** {@code ocf.rs@INSTANCE_RESOURCE.service}, systemd-escaped, as drbd-reactor names it. */
    public String unitName(String resource) {
        return "ocf.rs@" + SystemdNames.escapeInstance(instance + "_" + resource) + ".service";
    }

    /** {@code OCF_ROOT/resource.d/VENDOR/AGENT} for the default root. */
    public Path agentPath() {
        return DEFAULT_OCF_ROOT.resolve("resource.d").resolve(vendor).resolve(agent);
    }
}
