package io.reactord.sim;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One events2 object as drbdsetup's {@code --full} printer prints it: the object word and all its
 * {@code key:value} tokens in printer order (identifying keys first).
 *
 * @param object {@code resource}, {@code connection}, {@code device}, {@code peer-device} or {@code path}
 * @param keys   all tokens in printer order
 * @param idKeys how many leading tokens identify the object
 */
public record ObjectLine(String object, List<String> keys, int idKeys) {

    /** Statistics keys: the kernel pushes no event when only these change; a poll shows them. */
    static final Set<String> STATISTICS = Set.of("write-ordering", "congested", "ap-in-flight", "rs-in-flight",
            "size", "read", "written", "al-writes", "bm-writes", "upper-pending", "lower-pending", "al-suspended",
            "received", "sent", "out-of-sync", "pending", "unacked", "done", "dbdt1", "eta");
    /** Keys printed only on exists/create lines, even with --full. */
    static final Set<String> CREATE_ONLY = Set.of("blocked");

    public ObjectLine {
        keys = List.copyOf(keys);
    }

    /** The identity of the object within one node's view. */
    public String identity() {
        return object + " " + String.join(" ", keys.subList(0, idKeys));
    }

    /** Identifying and state tokens: what a kernel state-change notification differs in. */
    public String stateSignature() {
        return keys.stream().filter(k -> !STATISTICS.contains(key(k)) && !CREATE_ONLY.contains(key(k)))
                .collect(Collectors.joining(" "));
    }

    /** Every token except the create-only ones: what a poll compares. */
    public String fullSignature() {
        return keys.stream().filter(k -> !CREATE_ONLY.contains(key(k))).collect(Collectors.joining(" "));
    }

    /** The printed line for {@code action} ({@code exists}, {@code create} or {@code change}). */
    public String render(String action) {
        String body = action.equals("change") ? fullSignature() : String.join(" ", keys);
        return action + " " + object + " " + body;
    }

    private static String key(String token) {
        int i = token.indexOf(':');
        return i < 0 ? token : token.substring(0, i);
    }
}
