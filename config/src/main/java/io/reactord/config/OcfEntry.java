package io.reactord.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A start entry that runs an OCF resource agent: {@code ocf:VENDOR:AGENT INSTANCE [KEY=VALUE ...]},
 * split as drbd-reactor splits it (shell quoting, see {@link ShellWords}; {@code KEY} without
 * {@code =} means an empty value). It runs as {@link #unitName(String) ocf.rs@INSTANCE_RES.service}
 * with the parameters as {@code OCF_RESKEY_KEY} and the agent at {@link #agentPath(Path)}.
 *
 * @param vendor   the provider directory, e.g. {@code heartbeat}
 * @param agent    the agent's file name, e.g. {@code IPaddr2}
 * @param instance the instance id (first word after the agent)
 * @param params   the parameters in written order
 */
public record OcfEntry(String vendor, String agent, String instance, Map<String, String> params) {

    /** Where OCF agents live when {@code OCF_ROOT} is not set. */
    public static final Path DEFAULT_OCF_ROOT = Path.of("/usr/lib/ocf");

    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern PATH_PART = Pattern.compile("[A-Za-z0-9_.+-]+");

    public OcfEntry {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Thrown by {@link #parse(String)} with a one-line reason. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** True when a (stripped) start entry is meant as an OCF agent. */
    public static boolean isOcf(String entry) {
        return UnitNames.isOcf(entry.strip());
    }

    /** Parses an entry for which {@link #isOcf} holds. */
    public static OcfEntry parse(String entry) throws Invalid {
        String e = entry.strip();
        if (!e.startsWith("ocf:")) throw new Invalid("does not start with \"ocf:\"");
        int blank = 4;
        while (blank < e.length() && !Character.isWhitespace(e.charAt(blank))) blank++;
        String head = e.substring(4, blank);
        int colon = head.lastIndexOf(':');
        if (colon <= 0 || colon == head.length() - 1) {
            throw new Invalid("must name the agent as ocf:VENDOR:AGENT, e.g. ocf:heartbeat:IPaddr2");
        }
        String vendor = head.substring(0, colon);
        String agent = head.substring(colon + 1);
        for (String part : List.of(vendor, agent)) {
            if (!PATH_PART.matcher(part).matches() || part.equals(".") || part.equals("..")) {
                throw new Invalid("agent \"ocf:" + vendor + ":" + agent + "\" is not a vendor and agent file name"
                        + " (letters, digits, _ . + - only)");
            }
        }
        List<String> words;
        try {
            words = ShellWords.split(e.substring(blank));
        } catch (ShellWords.UnclosedQuote q) {
            throw new Invalid("has a " + q.getMessage() + " (after the agent name)");
        }
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new Invalid("has no instance id; expected \"ocf:VENDOR:AGENT INSTANCE [KEY=VALUE ...]\"");
        }
        String instance = words.get(0);
        if (instance.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) throw new Invalid("instance id contains a control character");
        Map<String, String> params = new LinkedHashMap<>();
        for (String w : words.subList(1, words.size())) {
            int eq = w.indexOf('=');
            String key = eq < 0 ? w : w.substring(0, eq);
            String value = eq < 0 ? "" : w.substring(eq + 1);
            if (!PARAM_NAME.matcher(key).matches()) {
                throw new Invalid("parameter \"" + w + "\" has no valid name before '=' (letters, digits, _)");
            }
            if (value.indexOf('\0') >= 0) throw new Invalid("parameter " + key + " contains a NUL character");
            if (params.put(key, value) != null) throw new Invalid("sets parameter " + key + " twice");
        }
        return new OcfEntry(vendor, agent, instance, params);
    }

    /** The unit that runs this agent for {@code resource}: {@code ocf.rs@INSTANCE_RESOURCE.service}, systemd-escaped. */
    public String unitName(String resource) {
        return "ocf.rs@" + UnitNames.escapeInstance(instance + "_" + resource) + ".service";
    }

    /** The agent's executable: {@code OCF_ROOT/resource.d/VENDOR/AGENT}. */
    public Path agentPath(Path ocfRoot) {
        return ocfRoot.resolve("resource.d").resolve(vendor).resolve(agent);
    }

    /** The parameters as the agent's environment: {@code OCF_RESKEY_KEY -> value}. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        params.forEach((k, v) -> env.put("OCF_RESKEY_" + k, v));
        return env;
    }

    /** Null when the agent is an executable file under {@code ocfRoot}, otherwise why not. */
    public String installProblem(Path ocfRoot) {
        Path p = agentPath(ocfRoot);
        if (!Files.exists(p)) {
            return "OCF agent ocf:" + vendor + ":" + agent + " is not installed (no " + p + "; install the package that"
                    + " provides it, e.g. resource-agents, or set OCF_ROOT)";
        }
        if (!Files.isRegularFile(p) || !Files.isExecutable(p)) return "OCF agent " + p + " is not an executable file";
        return null;
    }
}
