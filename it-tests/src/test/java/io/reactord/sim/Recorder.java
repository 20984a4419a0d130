package io.reactord.sim;

import java.util.ArrayList;
import java.util.List;

/** Collects the lines of one events2 stream. */
final class Recorder implements Events2Listener {
    final List<String> lines = new ArrayList<>();
    String endReason;

    @Override
    public void lines(List<String> batch) {
        lines.addAll(batch);
    }

    @Override
    public void ended(String reason) {
        endReason = reason;
    }

    /** Lines recorded since index {@code from}. */
    List<String> since(int from) {
        return List.copyOf(lines.subList(from, lines.size()));
    }

    /** The first line containing every fragment, from index {@code from}; -1 if none. */
    int indexOf(int from, String... fragments) {
        for (int i = from; i < lines.size(); i++) {
            boolean all = true;
            for (String f : fragments) {
                all &= lines.get(i).contains(f);
            }
            if (all) {
                return i;
            }
        }
        return -1;
    }

    static Recorder on(SimCluster c, String node) {
        Recorder r = new Recorder();
        c.subscribe(node, null, r);
        return r;
    }
}
