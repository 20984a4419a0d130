package io.reactord.agent.daemon;

import io.reactord.agent.promoter.Promoter;
import java.util.Locale;

/** One sentence that answers "why is RES (not) running here", from a promoter's status (no JSON read back). */
final class Why {
    private Why() {}

    /**
     * @param s         the promoter's status, taken on the loop
     * @param activeOn  the node that runs the resource as the status answer's {@code active_on} names it, or null
     */
    static String answer(Promoter.Status s, String activeOn) {
        String name = s.resource();
        String state = s.state().name();
        String reason = s.reason();
        String drbdLine = s.view() == null ? "DRBD state unknown"
                : "DRBD: role " + s.view().role().name().toLowerCase(Locale.ROOT) + ", may_promote "
                + (s.view().mayPromote() ? "yes" : "no") + ", quorum " + (s.view().quorate() ? "yes" : "no");
        String where = activeOn != null ? "; active on " + activeOn : "";
        String failures = s.failures() > 0 ? "; " + s.failures() + "/" + s.maxFailures() + " failures in the window" : "";
        String next = s.nextActionInMs() >= 0 ? "; next attempt in " + (s.nextActionInMs() + 999) / 1000 + " s" : "";
        String verb;
        switch (state) {
            case "ACTIVE":
                verb = "is running here";
                break;
            case "STARTING":
                verb = "is being started here";
                break;
            case "FROZEN":
                verb = "is frozen here (quorum lost)";
                break;
            case "STOPPING":
                verb = "is being stopped here";
                break;
            case "PENDING":
                verb = "will be started here unless a peer wins first";
                break;
            default:
                verb = "is not running here";
        }
        return name + " " + verb + " (" + state + ": " + reason + ")" + where + failures + next + ". " + drbdLine + ".";
    }
}
