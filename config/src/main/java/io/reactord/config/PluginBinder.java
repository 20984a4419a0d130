package io.reactord.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code [[prometheus]]}, {@code [[debugger]]} and (accepted, unused) {@code [[agentx]]} tables. */
final class PluginBinder {
    private PluginBinder() {}

    private static final Pattern ADDRESS = Pattern.compile(
            "(|\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):(\\d{1,5})");

    static void bind(Section root, Assembly into) {
        for (Section p : root.tables("prometheus")) {
            p.deprecated("id", "");
            // key          default                              validation
            String address = p.string("address", PrometheusConfig.DEFAULT_ADDRESS);
            boolean enums = p.bool("enums", false);
            p.finish();
            String problem = addressProblem(address);
            if (problem != null) {
                TomlNode n = p.table.entries.get("address");
                p.error(n == null ? p.line() : n.line(), "'address' " + problem);
                continue;
            }
            String first = into.prometheusOrigins.putIfAbsent(address, Assembly.origin(p.file, p.line()));
            if (first != null) {
                p.error(p.line(), "a prometheus exporter on \"" + address + "\" is already configured in " + first);
                continue;
            }
            into.prometheus.add(new PrometheusConfig(address, enums));
        }
        for (Section d : root.tables("debugger")) {
            d.deprecated("id", "");
            d.finish();
            into.debugger.add(new DebuggerConfig(d.file, d.line()));
        }
        for (Section a : root.tables("agentx")) {
            a.deprecated("id", "");
            a.string("address", "localhost:705");
            a.integer("cache-max", 60, 0, Integer.MAX_VALUE);
            a.integer("agent-timeout", 60, 0, Integer.MAX_VALUE);
            a.bool("peer-states", true);
            a.finish();
            a.warn(a.line(), "the agentx (SNMP) plugin is not supported by reactord; " + a.where + " is ignored");
        }
    }

    /** Null when {@code address} is {@code [HOST]:PORT} with a port 1-65535, otherwise why not. */
    static String addressProblem(String address) {
        Matcher m = ADDRESS.matcher(address);
        if (!m.matches()) {
            return "must be [HOST]:PORT, e.g. \":9942\", \"0.0.0.0:9942\", \"[::1]:9942\", got \"" + address + "\"";
        }
        int port = Integer.parseInt(m.group(5));
        if (port < 1 || port > 65535) return "port must be between 1 and 65535, got " + port;
        return null;
    }
}
