package io.reactord.agent.promoter;

import io.reactord.agent.time.Cancellable;
import io.reactord.agent.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Drives one {@link Promoter} on a {@link VirtualScheduler}: timers become {@link Input.TimerFired}
 * at their due time; unit commands are recorded, and their jobs are completed only when the test says so.
 */
final class Harness {
    static final String TARGET = "drbd-services@r0.target";
    final VirtualScheduler clock = new VirtualScheduler();
    final Promoter promoter;
    /** every command (without timers/journal), in order */
    final List<Command> actions = new ArrayList<>();
    final List<JournalEntry> journal = new ArrayList<>();
    final Map<TimerId, Cancellable> timers = new HashMap<>();
    long lastOp = -1;

    Harness(PromoterSettings s) {
        promoter = new Promoter(s);
    }

    Harness() {
        this(settings());
    }

    static PromoterSettings settings() {
        return PromoterSettings.defaults("r0", "alpha", TARGET, List.of("var-lib-x.mount", "x.service"));
    }

    List<Command> send(Input in) {
        List<Command> cmds = promoter.handle(in, clock.millis());
        for (Command c : cmds) {
            if (c instanceof Command.ScheduleTimer) {
                Command.ScheduleTimer t = (Command.ScheduleTimer) c;
                timers.put(t.id(), clock.schedule(t.delay(), () -> {
                    timers.remove(t.id());
                    send(new Input.TimerFired(t.id()));
                }));
            } else if (c instanceof Command.CancelTimer) {
                Cancellable h = timers.remove(((Command.CancelTimer) c).id());
                if (h != null) {
                    h.cancel();
                }
            } else if (c instanceof Command.Journal) {
                journal.add(((Command.Journal) c).entry());
            } else {
                actions.add(c);
                lastOp = op(c, lastOp);
            }
        }
        return cmds;
    }

    private static long op(Command c, long dflt) {
        if (c instanceof Command.Start) {
            return ((Command.Start) c).op();
        } else if (c instanceof Command.Stop) {
            return ((Command.Stop) c).op();
        } else if (c instanceof Command.Freeze) {
            return ((Command.Freeze) c).op();
        }
        return dflt;
    }

    Harness dump(ResourceView v, UnitActiveState target) {
        send(new Input.DumpComplete(v, target));
        clock.runDue();
        return this;
    }

    Harness view(ResourceView v) {
        send(new Input.ViewChanged(v));
        clock.runDue();
        return this;
    }

    Harness advance(Duration d) {
        clock.advanceBy(d);
        return this;
    }

    /** Completes the last commanded job. */
    Harness job(JobResult r, UnitActiveState s, Boolean condition) {
        send(new Input.JobFinished(lastOp, r, s, condition, null));
        clock.runDue();
        return this;
    }

    Harness startDone() {
        return job(JobResult.DONE, UnitActiveState.ACTIVE, true);
    }

    Harness stopDone() {
        return job(JobResult.DONE, UnitActiveState.INACTIVE, null);
    }

    PromoterState state() {
        return promoter.state();
    }

    /** Actions as short strings like "start drbd-services@r0.target". */
    List<String> described() {
        return actions.stream().map(Promoter::describe).collect(Collectors.toList());
    }

    long count(Class<? extends Command> type) {
        return actions.stream().filter(type::isInstance).count();
    }

    void clearActions() {
        actions.clear();
    }
}
