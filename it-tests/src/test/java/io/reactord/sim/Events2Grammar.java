package io.reactord.sim;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict checker for the lines the simulator prints: EVENTS2.md §1 grammar, drbdsetup's key order for
 * {@code --full} output, and the value domain of every state key. Returns a problem description or null.
 */
final class Events2Grammar {

    private static final Pattern STAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}[+-]\\d\\d:\\d\\d");
    private static final Set<String> ACTIONS = Set.of("exists", "create", "change", "destroy");
    private static final Map<String, List<String>> ORDER = Map.of(
            "resource", List.of("name", "role", "suspended", "force-io-failures", "write-ordering", "may_promote",
                    "promotion_score"),
            "connection", List.of("name", "peer-node-id", "conn-name", "connection", "role", "congested",
                    "ap-in-flight", "rs-in-flight"),
            "device", List.of("name", "volume", "minor", "backing_dev", "disk", "client", "open", "quorum", "size",
                    "read", "written", "al-writes", "bm-writes", "upper-pending", "lower-pending", "al-suspended",
                    "blocked"),
            "peer-device", List.of("name", "peer-node-id", "conn-name", "volume", "replication", "peer-disk",
                    "peer-client", "resync-suspended", "done", "received", "sent", "out-of-sync", "pending",
                    "unacked", "dbdt1", "eta"),
            "path", List.of("name", "peer-node-id", "conn-name", "local", "peer", "established"),
            "helper", List.of("name", "peer-node-id", "conn-name", "local", "peer", "volume", "minor", "helper",
                    "status"));
    /** Keys a --full state line may lack: blocked (exists/create only) and the resync-only keys. */
    private static final Set<String> OPTIONAL_FULL = Set.of("blocked", "done", "dbdt1", "eta");
    private static final Map<String, Pattern> VALUES = Map.ofEntries(
            Map.entry("role", Pattern.compile("Primary|Secondary|Unknown")),
            Map.entry("suspended", Pattern.compile("no|(user,)?(no-data,)?(fencing,)?quorum|user|no-data|fencing")),
            Map.entry("force-io-failures", Pattern.compile("yes|no")),
            Map.entry("may_promote", Pattern.compile("yes|no")),
            Map.entry("promotion_score", Pattern.compile("\\d+")),
            Map.entry("disk", Pattern.compile("Diskless|Attaching|Detaching|Failed|Negotiating|Inconsistent|Outdated"
                    + "|DUnknown|Consistent|UpToDate")),
            Map.entry("peer-disk", Pattern.compile("Diskless|Attaching|Detaching|Failed|Negotiating|Inconsistent"
                    + "|Outdated|DUnknown|Consistent|UpToDate")),
            Map.entry("connection", Pattern.compile("StandAlone|Disconnecting|Unconnected|Timeout|BrokenPipe"
                    + "|NetworkFailure|ProtocolError|TearDown|Connecting|Connected")),
            Map.entry("replication", Pattern.compile("Off|Established|StartingSyncS|StartingSyncT|WFBitMapS|WFBitMapT"
                    + "|WFSyncUUID|SyncSource|SyncTarget|VerifyS|VerifyT|PausedSyncS|PausedSyncT|Ahead|Behind")),
            Map.entry("client", Pattern.compile("yes|no|unknown")),
            Map.entry("open", Pattern.compile("yes|no|unknown")),
            Map.entry("peer-client", Pattern.compile("yes|no|unknown")),
            Map.entry("quorum", Pattern.compile("yes|no")),
            Map.entry("established", Pattern.compile("yes|no")),
            Map.entry("volume", Pattern.compile("\\d+")),
            Map.entry("minor", Pattern.compile("\\d+")),
            Map.entry("peer-node-id", Pattern.compile("\\d+")),
            Map.entry("done", Pattern.compile("\\d+\\.\\d\\d")),
            Map.entry("local", Pattern.compile("ipv4:\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+")),
            Map.entry("peer", Pattern.compile("ipv4:\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+")),
            Map.entry("status", Pattern.compile("\\d+")));

    private Events2Grammar() {
    }

    static String check(String line) {
        String rest = line;
        int sp = rest.indexOf(' ');
        if (sp > 0 && STAMP.matcher(rest.substring(0, sp)).matches()) {
            rest = rest.substring(sp + 1);
        }
        if (rest.equals("exists -")) {
            return null;
        }
        if (rest.contains("  ") || rest.endsWith(" ") || rest.contains("\t")) {
            return "bad spacing";
        }
        String[] tok = rest.split(" ");
        if (tok.length < 3) {
            return "too short";
        }
        boolean helper = tok[1].equals("helper");
        if (helper ? !(tok[0].equals("call") || tok[0].equals("response")) : !ACTIONS.contains(tok[0])) {
            return "bad action " + tok[0];
        }
        List<String> order = ORDER.get(tok[1]);
        if (order == null) {
            return "unknown object " + tok[1];
        }
        int pos = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 2; i < tok.length; i++) {
            int colon = tok[i].indexOf(':');
            if (colon <= 0) {
                return "token without key: " + tok[i];
            }
            String key = tok[i].substring(0, colon);
            String value = tok[i].substring(colon + 1);
            int at = order.indexOf(key);
            if (at < pos) {
                return "key " + key + " out of printer order";
            }
            pos = at + 1;
            seen.add(key);
            Pattern p = VALUES.get(key);
            if (value.isEmpty() || p != null && !p.matcher(value).matches()) {
                return "bad value " + tok[i];
            }
        }
        for (String k : order) {
            boolean needed = helper ? k.equals("name") || k.equals("helper") || k.equals("status") && tok[0].equals("response")
                    : !OPTIONAL_FULL.contains(k);
            if (needed && !seen.contains(k)) {
                return "missing key " + k;
            }
        }
        if (tok[1].equals("device") && seen.contains("blocked") == tok[0].equals("change")) {
            return tok[0].equals("change") ? "blocked on a change line" : "blocked missing on " + tok[0];
        }
        return null;
    }
}
