package io.reactord.agent.core;

import io.reactord.agent.promoter.Command;
import io.reactord.agent.promoter.Input;
import io.reactord.agent.promoter.JobResult;
import io.reactord.agent.promoter.Promoter;
import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.agent.promoter.ResourceView;
import io.reactord.agent.promoter.TimerId;
import io.reactord.agent.promoter.UnitActiveState;
import io.reactord.agent.time.Cancellable;
import io.reactord.agent.time.Scheduler;
import io.reactord.events2.Change;
import io.reactord.events2.ClusterState;
import io.reactord.events2.Event;
import io.reactord.events2.Events2Parser;
import io.reactord.events2.ResourceInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision core of one node: events2 lines in, unit commands out. Confined to the event-loop
 * thread: every method must be called there, and asynchronous results re-enter through {@code loop}.
 */
public final class AgentCore {
    private static final Logger LOG = LoggerFactory.getLogger(AgentCore.class);

    private final Scheduler scheduler;
    private final Executor loop;
    private final UnitController units;
    private final JournalSink journal;
    private final CommandListener listener;
    private final ClusterState cluster = new ClusterState();
    private final Map<String, Promoter> promoters = new LinkedHashMap<>();
    private final Map<TimerId, Cancellable> timers = new HashMap<>();
    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();
    private boolean dumpComplete;
    private long dumpGeneration;
    private boolean firstDumpDelivered;
    private final Set<String> adopted = new java.util.HashSet<>();
    private Runnable onFirstDump = () -> {};
    private long lines;
    private long unparsed;
    private long lastLineMs = -1;
    private final List<EventObserver> observers = new ArrayList<>();

    /** Sees every parsed events2 event with its resource before and after the event (helpers, metrics). */
    @FunctionalInterface
    public interface EventObserver {
        void onEvent(Event e, ResourceInfo before, ResourceInfo after, ClusterState state);
    }

    public AgentCore(Scheduler scheduler, Executor loop, UnitController units, JournalSink journal, CommandListener listener) {
        this.scheduler = scheduler;
        this.loop = loop;
        this.units = units;
        this.journal = journal;
        this.listener = listener;
    }

    /** Adds an observer of every parsed event; loop thread only. */
    public void observe(EventObserver o) {
        observers.add(o);
    }

    /** Runs once, on the loop, after the first complete dump was delivered to every promoter. */
    public void onFirstDump(Runnable r) {
        this.onFirstDump = r;
    }

    // ---------------------------------------------------------------- configuration

    /**
     * Makes the managed resources exactly {@code wanted}: removed ones are shut down (their target is
     * stopped only with stop-services-on-exit), changed ones get their new settings, new ones are
     * adopted from the current state. Unchanged ones are not touched.
     */
    public void setResources(Map<String, PromoterSettings> wanted) {
        for (String name : new ArrayList<>(promoters.keySet())) {
            if (!wanted.containsKey(name)) {
                deliver(name, new Input.Shutdown("removed from the configuration"));
                promoters.remove(name);
            }
        }
        for (Map.Entry<String, PromoterSettings> e : wanted.entrySet()) {
            Promoter p = promoters.get(e.getKey());
            if (p == null) {
                promoters.put(e.getKey(), new Promoter(e.getValue()));
                ResourceInfo r = cluster.resource(e.getKey());
                if (r != null) {
                    deliver(e.getKey(), new Input.ViewChanged(Views.of(r)));
                }
                if (dumpComplete) {
                    adopt(e.getKey(), dumpGeneration);
                }
            } else if (!p.settings().equals(e.getValue())) {
                deliver(e.getKey(), new Input.ConfigChanged(e.getValue()));
            }
        }
    }

    // ---------------------------------------------------------------- events2

    /** Parses and applies one events2 line; returns the parsed event (callers count garbage). */
    public Event onLine(String line) {
        return onEvent(Events2Parser.parse(line));
    }

    /** Parses and applies the events2 line {@code buf[from, to)} (UTF-8 bytes, copied); returns the event. */
    public Event onLine(byte[] buf, int from, int to) {
        return onEvent(Events2Parser.parse(buf, from, to));
    }

    private Event onEvent(Event e) {
        lines++;
        lastLineMs = scheduler.clock().millis();
        if (e instanceof Event.Unparsed) {
            unparsed++;
            LOG.debug("events2: ignored line ({}): {}", ((Event.Unparsed) e).reason(), ((Event.Unparsed) e).line());
            return e;
        }
        String res = observers.isEmpty() ? null : io.reactord.agent.umh.UmhEvents.resourceName(e);
        ResourceInfo before = res == null ? null : cluster.resource(res);
        List<Change> changes = cluster.apply(e);
        for (EventObserver o : observers) {
            String after = e instanceof Event.Rename ? ((Event.Rename) e).newName() : res;
            try {
                o.onEvent(e, before, after == null ? null : cluster.resource(after), cluster);
            } catch (RuntimeException ex) {
                LOG.warn("event observer failed: {}", ex.toString());
            }
        }
        Set<String> touched = changes.isEmpty() ? Set.of() : new LinkedHashSet<>(); // most lines change nothing
        for (Change c : changes) {
            if (c.field() == Change.Field.RENAMED && c.oldValue() instanceof String) {
                touched.add((String) c.oldValue());
            }
            touched.add(c.resource());
        }
        for (String name : touched) {
            if (promoters.containsKey(name)) {
                deliver(name, new Input.ViewChanged(view(name)));
            }
        }
        if (e instanceof Event.DumpComplete && !dumpComplete) {
            dumpComplete = true;
            long gen = ++dumpGeneration;
            if (promoters.isEmpty()) {
                firstDumpDone();
            }
            for (String name : promoters.keySet()) {
                adopt(name, gen);
            }
        }
        return e;
    }

    /** A new events2 process is starting: forget confirmations, decide nothing until its dump is complete. */
    public void streamRestarting(String why) {
        cluster.beginDump();
        dumpComplete = false;
        for (String name : new ArrayList<>(promoters.keySet())) {
            deliver(name, new Input.StreamLost(why));
        }
    }

    private ResourceView view(String name) {
        ResourceInfo r = cluster.resource(name);
        return r == null ? Views.absent(name) : Views.of(r);
    }

    /** Reads the target's state, then hands the promoter the complete view (adoption). */
    private void adopt(String name, long gen) {
        Promoter p = promoters.get(name);
        String target = p.settings().target();
        CompletableFuture<UnitActiveState> f = units.activeState(name, target);
        f.whenComplete((s, err) -> loop.execute(() -> {
            if (gen != dumpGeneration || !dumpComplete || promoters.get(name) != p) {
                return;
            }
            UnitActiveState st = err != null || s == null ? UnitActiveState.UNKNOWN : s;
            if (st == UnitActiveState.UNKNOWN) {
                LOG.warn("{}: could not read the state of {}; treating it as inactive", name, target);
                st = UnitActiveState.INACTIVE;
            }
            ResourceInfo r = cluster.resource(name);
            deliver(name, new Input.DumpComplete(r == null ? null : Views.of(r), st));
            if (st.isUp()) {
                reportFailedMembers(name, p, gen);
            }
            adopted.add(name);
            if (!firstDumpDelivered && adopted.containsAll(promoters.keySet())) {
                firstDumpDone();
            }
        }));
    }

    /**
     * A target adopted as running may hold a unit that failed while nobody watched (agent down): no state change
     * will ever announce it, so each member's state is read once and a failed one is handed over as a change.
     */
    private void reportFailedMembers(String name, Promoter p, long gen) {
        for (String unit : p.settings().units()) {
            units.activeState(name, unit).whenComplete((s, err) -> loop.execute(() -> {
                if (s == UnitActiveState.FAILED && gen == dumpGeneration && dumpComplete && promoters.get(name) == p) {
                    LOG.warn("{}: {} is failed in the adopted target", name, unit);
                    deliver(name, new Input.UnitStateChanged(unit, s));
                }
            }));
        }
    }

    private void firstDumpDone() {
        if (!firstDumpDelivered) {
            firstDumpDelivered = true;
            onFirstDump.run();
        }
    }

    // ---------------------------------------------------------------- inputs from elsewhere

    /** A unit changed its ActiveState (from the systemd listener). */
    public void unitStateChanged(String unit, UnitActiveState state) {
        for (Map.Entry<String, Promoter> e : new ArrayList<>(promoters.entrySet())) {
            PromoterSettings s = e.getValue().settings();
            if (s.target().equals(unit) || s.units().contains(unit)) {
                deliver(e.getKey(), new Input.UnitStateChanged(unit, state));
            }
        }
    }

    /** Delivers an input to one promoter and executes its commands; false when the resource is not managed. */
    public boolean deliver(String resource, Input in) {
        Promoter p = promoters.get(resource);
        if (p == null) {
            return false;
        }
        List<Command> cmds;
        try {
            cmds = p.handle(in, scheduler.clock().millis());
        } catch (RuntimeException ex) {
            LOG.error("{}: promoter failed on {}: {}", resource, in.describe(), ex.toString(), ex);
            return true;
        }
        for (Command c : cmds) {
            execute(resource, c);
        }
        return true;
    }

    /** Shuts every promoter down; the future completes when the stop jobs this caused have finished. */
    public CompletableFuture<Void> shutdown(String why) {
        inFlight.clear();
        for (String name : new ArrayList<>(promoters.keySet())) {
            deliver(name, new Input.Shutdown(why));
        }
        for (Cancellable c : timers.values()) {
            c.cancel();
        }
        timers.clear();
        return CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0]));
    }

    // ---------------------------------------------------------------- commands

    private void execute(String res, Command c) {
        long now = scheduler.clock().millis();
        if (c instanceof Command.Journal) {
            journal.append(((Command.Journal) c).entry());
        } else if (c instanceof Command.ScheduleTimer) {
            TimerId id = ((Command.ScheduleTimer) c).id();
            Cancellable old = timers.put(id, scheduler.schedule(((Command.ScheduleTimer) c).delay(),
                    () -> loop.execute(() -> {
                        if (timers.remove(id) != null) {
                            deliver(res, new Input.TimerFired(id));
                        }
                    })));
            if (old != null) {
                old.cancel();
            }
        } else if (c instanceof Command.CancelTimer) {
            Cancellable h = timers.remove(((Command.CancelTimer) c).id());
            if (h != null) {
                h.cancel();
            }
        } else if (c instanceof Command.ResetFailed) {
            listener.executing(now, res, c);
            units.resetFailed(res, ((Command.ResetFailed) c).unit());
        } else {
            listener.executing(now, res, c);
            if (c instanceof Command.Start) {
                track(res, ((Command.Start) c).op(), units.start(res, ((Command.Start) c).unit()));
            } else if (c instanceof Command.Stop) {
                track(res, ((Command.Stop) c).op(), units.stop(res, ((Command.Stop) c).unit()));
            } else if (c instanceof Command.Freeze) {
                track(res, ((Command.Freeze) c).op(), units.freeze(res, ((Command.Freeze) c).unit()));
            } else if (c instanceof Command.Thaw) {
                track(res, ((Command.Thaw) c).op(), units.thaw(res, ((Command.Thaw) c).unit()));
            }
        }
    }

    private void track(String res, long op, CompletableFuture<JobOutcome> f) {
        inFlight.add(f);
        f.whenComplete((o, err) -> loop.execute(() -> {
            JobOutcome out = err != null || o == null ? JobOutcome.error(err == null ? "no result" : err.toString()) : o;
            deliver(res, new Input.JobFinished(op, out.result() == null ? JobResult.ERROR : out.result(),
                    out.activeState(), out.conditionResult(), out.detail()));
        }));
    }

    // ---------------------------------------------------------------- read-only

    public Map<String, Promoter> promoters() {
        return java.util.Collections.unmodifiableMap(promoters);
    }

    public ClusterState cluster() {
        return cluster;
    }

    public boolean dumpComplete() {
        return dumpComplete;
    }

    public long lines() {
        return lines;
    }

    public long unparsedLines() {
        return unparsed;
    }

    /** Loop-clock time of the last events2 line, or -1. */
    public long lastLineMs() {
        return lastLineMs;
    }

    public long nowMs() {
        return scheduler.clock().millis();
    }
}
