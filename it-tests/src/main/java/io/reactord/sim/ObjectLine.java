package io.reactord.sim;

import java.util.List;
import java.util.Set;

/**
 * One events2 object as drbdsetup's {@code --full} printer prints it: the object word and all its
 * {@code key:value} tokens in printer order (identifying keys first). Immutable.
 */
public final class ObjectLine {

    /** Statistics keys: the kernel pushes no event when only these change; a poll shows them. */
    static final Set<String> STATISTICS = Set.of("write-ordering", "congested", "ap-in-flight", "rs-in-flight",
            "size", "read", "written", "al-writes", "bm-writes", "upper-pending", "lower-pending", "al-suspended",
            "received", "sent", "out-of-sync", "pending", "unacked", "done", "dbdt1", "eta");
    /** Keys printed only on exists/create lines, even with --full. */
    static final Set<String> CREATE_ONLY = Set.of("blocked");

    private final String object;
    private final List<String> keys;
    private final String identity;
    private final String stateSignature;
    private final String fullSignature;

    /**
     * @param object {@code resource}, {@code connection}, {@code device}, {@code peer-device} or {@code path}
     * @param keys   all tokens in printer order
     * @param idKeys how many leading tokens identify the object
     */
    public ObjectLine(String object, List<String> keys, int idKeys) {
        this.object = object;
        this.keys = List.copyOf(keys);
        this.identity = object + " " + String.join(" ", this.keys.subList(0, idKeys));
        StringBuilder state = new StringBuilder();
        StringBuilder full = new StringBuilder();
        for (String k : this.keys) {
            int i = k.indexOf(':');
            String key = i < 0 ? k : k.substring(0, i);
            if (CREATE_ONLY.contains(key)) {
                continue;
            }
            append(full, k);
            if (!STATISTICS.contains(key)) {
                append(state, k);
            }
        }
        this.stateSignature = state.toString();
        this.fullSignature = full.toString();
    }

    private static void append(StringBuilder sb, String token) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(token);
    }

    public String object() {
        return object;
    }

    public List<String> keys() {
        return keys;
    }

    /** The identity of the object within one node's view, e.g. {@code peer-device name:r0 peer-node-id:1 ...}. */
    public String identity() {
        return identity;
    }

    /** Identifying and state tokens: what a kernel state-change notification differs in. */
    public String stateSignature() {
        return stateSignature;
    }

    /** Every token except the create-only ones: what a poll compares. */
    public String fullSignature() {
        return fullSignature;
    }

    /** The printed line for {@code action} ({@code exists}, {@code create} or {@code change}). */
    public String render(String action) {
        return action + " " + object + " " + (action.equals("change") ? fullSignature : String.join(" ", keys));
    }

    @Override
    public String toString() {
        return render("exists");
    }
}
