package io.reactord.agent.promoter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The journal side of one {@link Promoter} step: transitions and notes are collected, then {@link #finish}
 * interleaves one {@link Command.Journal} per decision with the commands that decision issued (the loop logs each
 * record as it executes it). Notes repeating the previous one are not journaled again until a transition.
 */
final class DecisionJournal {
    private final List<Pending> pending = new ArrayList<>();
    private String lastNote;
    private boolean failureCounted;

    /** Starts a step: forgets the previous step's decisions. */
    void begin() {
        pending.clear();
        failureCounted = false;
    }

    /** The next transition follows a failure counted toward {@code max-failures} (its journal record says so). */
    void failureCounted() {
        failureCounted = true;
    }

    /** A state change, already checked against the table; {@code index} is the count of commands issued so far. */
    void transition(PromoterState from, PromoterState to, String reason, String guard, Severity severity, int index) {
        lastNote = null;
        pending.add(new Pending(from, to, guard, reason, severity, index, failureCounted));
        failureCounted = false;
    }

    /** A decision that does not change state (deduplicated while it repeats). */
    void note(PromoterState state, String reason, String guard, int index) {
        if (reason.equals(lastNote)) {
            return;
        }
        lastNote = reason;
        pending.add(new Pending(state, state, guard, reason, Severity.INFO, index, false));
    }

    /** A warning that does not change state (always journaled). */
    void warnNote(PromoterState state, String reason, String guard, int index) {
        lastNote = reason;
        pending.add(new Pending(state, state, guard, reason, Severity.WARN, index, false));
    }

    /** The step's commands with each decision's journal record placed before the commands it issued. */
    List<Command> finish(List<Command> out, long now, String resource, Input input) {
        if (pending.isEmpty()) {
            return out;
        }
        List<Command> result = new ArrayList<>(out.size() + pending.size());
        int from = 0;
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            int end = i + 1 < pending.size() ? pending.get(i + 1).index : out.size();
            result.addAll(out.subList(from, p.index));
            List<Command> mine = out.subList(p.index, end);
            List<String> described = new ArrayList<>();
            for (Command c : mine) {
                if (!(c instanceof Command.ScheduleTimer) && !(c instanceof Command.CancelTimer)) {
                    described.add(describe(c));
                } else if (c instanceof Command.ScheduleTimer) {
                    Command.ScheduleTimer t = (Command.ScheduleTimer) c;
                    described.add("timer " + lower(t.id().kind()) + " in " + human(t.delay()));
                }
            }
            result.add(new Command.Journal(new JournalEntry(now, resource, p.from, p.to, input.describe(),
                    p.guard, p.reason, described, p.severity, p.failureCounted)));
            result.addAll(mine);
            from = end;
        }
        result.addAll(out.subList(from, out.size()));
        return result;
    }

    /** A command in one line, for the journal. */
    static String describe(Command c) {
        if (c instanceof Command.Start) {
            return "start " + ((Command.Start) c).unit();
        } else if (c instanceof Command.Stop) {
            return "stop " + ((Command.Stop) c).unit();
        } else if (c instanceof Command.Freeze) {
            return "freeze " + ((Command.Freeze) c).unit();
        } else if (c instanceof Command.Thaw) {
            return "thaw " + ((Command.Thaw) c).unit();
        } else if (c instanceof Command.ResetFailed) {
            return "reset-failed " + ((Command.ResetFailed) c).unit();
        }
        return c.toString();
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            long s = ms / 1000;
            return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : s + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private record Pending(PromoterState from, PromoterState to, String guard, String reason, Severity severity, int index,
            boolean failureCounted) {}
}
