package io.reactord.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code [[umh]]} tables and their rules. Filters are written as a plain value (Equals) or as
 * {@code { operator = "NotEquals", value = ... }}, also in dotted form ({@code old.role.operator}).
 * The fields and their value sets are drbd-reactor's; {@code timeout} is reactord's own.
 */
final class UmhBinder {
    private UmhBinder() {}

    /** The value set of a filter field. */
    enum ValueType { STRING, INTEGER, BOOLEAN, ROLE, DISK_STATE, REPLICATION_STATE, CONNECTION_STATE, EVENT_TYPE }

    static final List<String> ROLES = List.of("Unknown", "Primary", "Secondary");
    static final List<String> DISK_STATES = List.of("Diskless", "Attaching", "Detaching", "Failed", "Negotiating",
            "Inconsistent", "Outdated", "DUnknown", "Consistent", "UpToDate");
    static final List<String> REPLICATION_STATES = List.of("Off", "Established", "StartingSyncS", "StartingSyncT",
            "WFBitMapS", "WFBitMapT", "WFSyncUUID", "SyncSource", "SyncTarget", "VerifyS", "VerifyT", "PausedSyncS",
            "PausedSyncT", "Ahead", "Behind");
    static final List<String> CONNECTION_STATES = List.of("StandAlone", "Disconnecting", "Unconnected", "Timeout",
            "BrokenPipe", "NetworkFailure", "ProtocolError", "TearDown", "Connecting", "Connected");
    static final List<String> EVENT_TYPES = List.of("Exists", "Create", "Destroy", "Change");

    /** Event-level filters per rule kind (besides event-type and resource-name, which all kinds have). */
    private static final Map<UmhRule.Kind, Map<String, ValueType>> EVENT_FIELDS = new EnumMap<>(UmhRule.Kind.class);
    /** Fields of the {@code old}/{@code new} tables per rule kind. */
    private static final Map<UmhRule.Kind, Map<String, ValueType>> STATE_FIELDS = new EnumMap<>(UmhRule.Kind.class);

    static {
        EVENT_FIELDS.put(UmhRule.Kind.RESOURCE, Map.of());
        EVENT_FIELDS.put(UmhRule.Kind.DEVICE, Map.of("volume", ValueType.INTEGER));
        EVENT_FIELDS.put(UmhRule.Kind.PEERDEVICE, ordered("volume", ValueType.INTEGER, "peer-node-id", ValueType.INTEGER));
        EVENT_FIELDS.put(UmhRule.Kind.CONNECTION, Map.of("peer-node-id", ValueType.INTEGER));
        STATE_FIELDS.put(UmhRule.Kind.RESOURCE, ordered("role", ValueType.ROLE, "may-promote", ValueType.BOOLEAN,
                "promotion-score", ValueType.INTEGER));
        STATE_FIELDS.put(UmhRule.Kind.DEVICE, ordered("disk-state", ValueType.DISK_STATE, "client", ValueType.BOOLEAN,
                "quorum", ValueType.BOOLEAN, "size", ValueType.INTEGER, "open", ValueType.BOOLEAN));
        STATE_FIELDS.put(UmhRule.Kind.PEERDEVICE, ordered("replication-state", ValueType.REPLICATION_STATE,
                "peer-disk-state", ValueType.DISK_STATE, "peer-client", ValueType.BOOLEAN,
                "resync-suspended", ValueType.BOOLEAN));
        STATE_FIELDS.put(UmhRule.Kind.CONNECTION, ordered("conn-name", ValueType.STRING,
                "connection-state", ValueType.CONNECTION_STATE, "peer-role", ValueType.ROLE, "congested", ValueType.BOOLEAN));
    }

    private static Map<String, ValueType> ordered(Object... kv) {
        Map<String, ValueType> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (ValueType) kv[i + 1]);
        return m;
    }

    static void bind(Section root, Assembly into) {
        for (Section u : root.tables("umh")) {
            u.deprecated("id", "plugins are identified by their rules");
            Map<UmhRule.Kind, List<UmhRule>> rules = new EnumMap<>(UmhRule.Kind.class);
            for (UmhRule.Kind kind : UmhRule.Kind.values()) {
                List<UmhRule> list = new java.util.ArrayList<>();
                for (Section r : u.tables(kind.tomlKey())) {
                    UmhRule rule = rule(kind, r);
                    if (rule != null) list.add(rule);
                }
                rules.put(kind, list);
            }
            u.finish();
            into.umh.add(new UmhConfig(u.file, u.line(), rules.get(UmhRule.Kind.RESOURCE), rules.get(UmhRule.Kind.DEVICE),
                    rules.get(UmhRule.Kind.PEERDEVICE), rules.get(UmhRule.Kind.CONNECTION)));
        }
    }

    private static UmhRule rule(UmhRule.Kind kind, Section r) {
        // key              default        validation
        String command = r.string("command", null);
        String name = r.string("name", "");
        Map<String, String> env = env(r);
        Duration timeout = r.duration("timeout", Duration.ZERO, Duration.ZERO, Duration.ofDays(1));
        Map<String, Filter> filters = new LinkedHashMap<>();
        filter(r, "event-type", ValueType.EVENT_TYPE, filters);
        filter(r, "resource-name", ValueType.STRING, filters);
        EVENT_FIELDS.get(kind).forEach((k, t) -> filter(r, k, t, filters));
        Map<String, Filter> old = state(kind, r, "old");
        Map<String, Filter> neu = state(kind, r, "new");
        r.finish();
        if (command == null) {
            if (!r.has("command")) r.error(r.line(), r.where + " rule is missing the required key 'command'");
            return null;
        }
        if (command.isBlank()) {
            r.error(r.table.entries.get("command").line(), "'command' in " + r.where + " is empty");
            return null;
        }
        return new UmhRule(kind, name, command, env, timeout.isZero() ? Optional.empty() : Optional.of(timeout),
                filters, old, neu, r.file, r.line());
    }

    private static Map<String, String> env(Section r) {
        Section e = r.table("env");
        Map<String, String> env = new LinkedHashMap<>();
        if (e == null) return env;
        for (Map.Entry<String, TomlNode> v : e.table.entries.entrySet()) {
            e.node(v.getKey());
            if (v.getKey().isEmpty() || v.getKey().indexOf('=') >= 0 || v.getKey().indexOf('\0') >= 0) {
                e.error(v.getValue().line(), "environment variable name '" + v.getKey() + "' in " + e.where
                        + " must be non-empty and contain neither '=' nor NUL");
            } else if (v.getValue().value() instanceof String s) {
                if (s.indexOf('\0') >= 0) e.error(v.getValue().line(), "environment value of '" + v.getKey() + "' contains NUL");
                else env.put(v.getKey(), s);
            } else {
                e.error(v.getValue().line(), "environment variable '" + v.getKey() + "' must be a string, got "
                        + v.getValue().typeName() + " " + v.getValue().shortText());
            }
        }
        return env;
    }

    private static Map<String, Filter> state(UmhRule.Kind kind, Section r, String key) {
        Map<String, Filter> out = new LinkedHashMap<>();
        Section s = r.table(key);
        if (s == null) return out;
        STATE_FIELDS.get(kind).forEach((k, t) -> filter(s, k, t, out));
        s.finish();
        return out;
    }

    private static void filter(Section s, String key, ValueType type, Map<String, Filter> into) {
        TomlNode n = s.node(key);
        if (n == null) return;
        Filter.Op op = Filter.Op.EQUALS;
        TomlNode valueNode = n;
        if (n.value() instanceof TomlNode.Table t) {
            Section f = new Section(s.issues, s.file, t, s.sub(key));
            op = f.choice("operator", Filter.Op.EQUALS, Filter.Op::parse);
            valueNode = f.node("value");
            f.finish();
            if (valueNode == null) {
                s.error(n.line(), "filter '" + key + "' in " + s.where + " needs a 'value' when written as a table,"
                        + " e.g. { operator = \"NotEquals\", value = ... }");
                return;
            }
        }
        String v = canonical(key, type, valueNode, s);
        if (v != null) into.put(key, new Filter(op, v));
    }

    private static String canonical(String key, ValueType type, TomlNode n, Section s) {
        Object v = n.value();
        switch (type) {
            case STRING:
                if (v instanceof String str) return str;
                break;
            case INTEGER:
                if (v instanceof Long l) return Long.toString(l);
                break;
            case BOOLEAN:
                if (v instanceof Boolean b) return b.toString();
                break;
            default:
                List<String> allowed = switch (type) {
                    case ROLE -> ROLES;
                    case DISK_STATE -> DISK_STATES;
                    case REPLICATION_STATE -> REPLICATION_STATES;
                    case CONNECTION_STATE -> CONNECTION_STATES;
                    default -> EVENT_TYPES;
                };
                if (v instanceof String str) {
                    if (allowed.contains(str)) return str;
                    String hint = Suggest.closest(str, allowed);
                    s.error(n.line(), "'" + key + "' must be one of " + String.join(", ", allowed) + ", got \"" + str + "\""
                            + (hint == null ? "" : " (did you mean \"" + hint + "\"?)"));
                    return null;
                }
                s.error(n.line(), "'" + key + "' must be a string, one of " + String.join(", ", allowed) + ", got "
                        + n.typeName() + " " + n.shortText());
                return null;
        }
        String expected = switch (type) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            default -> "a boolean (true or false)";
        };
        s.error(n.line(), "'" + key + "' must be " + expected + " or { operator = \"NotEquals\", value = ... }, got "
                + n.typeName() + " " + n.shortText());
        return null;
    }
}
