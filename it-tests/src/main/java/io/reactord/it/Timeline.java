package io.reactord.it;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened during a run, in order: steps, observed state changes, measurements and violations. Printed with
 * the seed when a run fails. Thread-safe (the real backend's sampler adds from its own thread).
 */
public final class Timeline {

    /** One entry: backend time, kind (step, state, measure, violation, note) and text. */
    public record Entry(long timeMs, String kind, String text) {
        @Override
        public String toString() {
            return String.format("%9.3f s  %-9s %s", timeMs / 1000.0, kind, text);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final long limit;
    private long dropped;

    /** A timeline that keeps at most {@code limit} entries (older ones are dropped first). */
    public Timeline(long limit) {
        this.limit = limit;
    }

    public Timeline() {
        this(20_000);
    }

    public synchronized void add(long timeMs, String kind, String text) {
        entries.add(new Entry(timeMs, kind, text));
        if (entries.size() > limit) {
            entries.remove(0);
            dropped++;
        }
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The last {@code n} entries, one per line. */
    public synchronized String tail(int n) {
        StringBuilder s = new StringBuilder();
        if (dropped > 0 || entries.size() > n) {
            s.append("  (").append(dropped + Math.max(0, entries.size() - n)).append(" earlier entries not shown)\n");
        }
        for (Entry e : entries.subList(Math.max(0, entries.size() - n), entries.size())) {
            s.append("  ").append(e).append('\n');
        }
        return s.toString();
    }

    @Override
    public synchronized String toString() {
        return tail(entries.size());
    }
}
