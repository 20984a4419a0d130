package io.reactord.agent.promoter;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The timers of one {@link Promoter}, at most one per {@link TimerId.Kind}: scheduling and cancelling
 * issue the commands, a fired timer counts only if it is still the current one of its kind, and the due
 * times are kept for the status.
 */
final class PromoterTimers {
    private final Map<TimerId.Kind, TimerId> current = new EnumMap<>(TimerId.Kind.class);
    private final Map<TimerId.Kind, Long> due = new EnumMap<>(TimerId.Kind.class);
    private long seq;

    /** Replaces the timer of {@code kind} by one firing {@code delay} after {@code now}. */
    void schedule(String resource, TimerId.Kind kind, Duration delay, long now, List<Command> out) {
        cancel(kind, out);
        TimerId id = new TimerId(resource, kind, ++seq);
        current.put(kind, id);
        due.put(kind, now + delay.toMillis());
        out.add(new Command.ScheduleTimer(id, delay));
    }

    void cancel(TimerId.Kind kind, List<Command> out) {
        TimerId id = current.remove(kind);
        due.remove(kind);
        if (id != null) {
            out.add(new Command.CancelTimer(id));
        }
    }

    void cancelAll(List<Command> out) {
        for (TimerId.Kind k : TimerId.Kind.values()) {
            cancel(k, out);
        }
    }

    /** Whether {@code id} is the current timer of its kind; if so it is consumed. */
    boolean fired(TimerId id) {
        if (!id.equals(current.get(id.kind()))) {
            return false; // stale
        }
        current.remove(id.kind());
        due.remove(id.kind());
        return true;
    }

    /** When the timer of {@code kind} is due, or null. */
    Long due(TimerId.Kind kind) {
        return due.get(kind);
    }
}
