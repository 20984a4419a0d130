package io.reactord.sim;

import java.util.List;

/** Receives the lines of one simulated {@code drbdsetup events2} stream. Called with the cluster's lock held. */
public interface Events2Listener {

    /** A batch of lines (one burst, a dump, or a poll answer), without trailing newlines. */
    void lines(List<String> lines);

    /** The stream ended because the node went down; nothing follows. */
    void ended(String reason);
}
