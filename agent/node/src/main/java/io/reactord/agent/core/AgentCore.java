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
    /**
     * Per unit, how many facts about its state (job results, state changes) the promoters were handed. A state
     * read counts them when issued; if the count moved before its answer arrives, the answer may be older than
     * what the promoter already knows and is never handed over as news.
     */
    private final Map<String, Long> unitFacts = new HashMap<>();

    /** Sees every parsed events2 event with its resource before and after the event (helpers, metrics). */
    @FunctionalInterface
    public interface EventObserver {
        void onEvent(Event e, ResourceInfo before, ResourceInfo after, ClusterState state);

        /** The resource a line is about, or null for lines that are not about one object (dump end, unparsed, helper). */
        static String resourceName(Event e) {
            if (e instanceof Event.Resource r) return r.name();
            if (e instanceof Event.Device d) return d.name();
            if (e instanceof Event.Connection c) return c.name();
            if (e instanceof Event.PeerDevice p) return p.name();
            if (e instanceof Event.Path p) return p.name();
            if (e instanceof Event.Rename r) return r.name();
            return null;
        }
    }

    public AgentCore(Scheduler scheduler, Executor loop, UnitController units, JournalSink journal, CommandListener listener) {
        this.scheduler = scheduler;
        this.loop = loop;
        this.units = units;
        this.journal = journal;
        this.listener = listener;
    }

    /**
     * Told when a stop job ends in a failure ({@code failed}, {@code timeout}, {@code dependency}): the stop, and
     * the demotion it includes, did not finish. Not for {@code canceled} (a newer job replaced it) nor for a call
     * that never reached systemd. Loop thread.
     */
    @FunctionalInterface
    public interface StopFailureListener {
        void stopFailed(String resource, String unit, JobResult result, String detail);
    }

    private StopFailureListener stopFailures = (r, u, res, d) -> { };

    /** Sets the listener for failed stop jobs (escalation accounting). */
    public void onStopFailure(StopFailureListener l) {
        this.stopFailures = l;
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

    /**
     * Parses and applies the events2 line {@code buf[from, to)} (UTF-8 bytes, not kept); returns the event, or null
     * for a line that changed nothing but statistics and was applied straight from its bytes
     * ({@link ClusterState#applyStatistics}). That path is taken only while nobody observes every event (replay):
     * such a line changes no state a promoter reads, so the promoters see the same inputs either way.
     */
    public Event onLine(byte[] buf, int from, int to) {
        if (observers.isEmpty() && cluster.applyStatistics(buf, from, to)) {
            lines++;
            lastLineMs = scheduler.clock().millis();
            return null;
        }
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
        String res = observers.isEmpty() ? null : EventObserver.resourceName(e);
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

    /**
     * Reads the target's state, then hands the promoter the complete view (adoption). A job result or state
     * change of the target that arrives while the read is under way makes its answer stale: read again.
     */
    private void adopt(String name, long gen) {
        Promoter p = promoters.get(name);
        String target = p.settings().target();
        long facts = facts(target);
        CompletableFuture<UnitActiveState> f = units.activeState(name, target);
        f.whenComplete((s, err) -> loop.execute(() -> {
            if (gen != dumpGeneration || !dumpComplete || promoters.get(name) != p) {
                return;
            }
            if (facts(target) != facts) {
                LOG.debug("{}: {} changed while its state was read; reading again", name, target);
                adopt(name, gen);
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
            long facts = facts(unit);
            units.activeState(name, unit).whenComplete((s, err) -> loop.execute(() -> {
                if (s == UnitActiveState.FAILED && gen == dumpGeneration && dumpComplete && promoters.get(name) == p
                        && facts(unit) == facts) {
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

    /** A unit changed its ActiveState (from the systemd listener, in the order systemd reported it). */
    public void unitStateChanged(String unit, UnitActiveState state) {
        fact(unit);
        for (Map.Entry<String, Promoter> e : new ArrayList<>(promoters.entrySet())) {
            PromoterSettings s = e.getValue().settings();
            if (s.target().equals(unit) || s.units().contains(unit)) {
                deliver(e.getKey(), new Input.UnitStateChanged(unit, state));
            }
        }
    }

    /**
     * Reads every managed target's state again, and each of its start units' (after the link to systemd was lost,
     * when changes may have been missed: a start unit that failed meanwhile would otherwise never be noticed), and
     * hands over each answer that is not older than a fact the promoter got meanwhile.
     */
    public void rereadTargets() {
        for (Map.Entry<String, Promoter> e : new ArrayList<>(promoters.entrySet())) {
            List<String> unitsOf = new ArrayList<>();
            unitsOf.add(e.getValue().settings().target());
            unitsOf.addAll(e.getValue().settings().units());
            for (String unit : unitsOf) {
                long facts = facts(unit);
                units.activeState(e.getKey(), unit).whenComplete((s, err) -> loop.execute(() -> {
                    if (s != null && s != UnitActiveState.UNKNOWN && facts(unit) == facts) {
                        unitStateChanged(unit, s);
                    }
                }));
            }
        }
    }

    private long facts(String unit) {
        return unitFacts.getOrDefault(unit, 0L);
    }

    private void fact(String unit) {
        unitFacts.merge(unit, 1L, Long::sum);
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
            DecisionLog.log(((Command.Journal) c).entry());
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
            if (c instanceof Command.Start st) {
                trackStart(res, st);
            } else if (c instanceof Command.Stop sp) {
                track(res, sp.unit(), sp.op(), units.stop(res, sp.unit()), true);
            } else if (c instanceof Command.Freeze fr) {
                track(res, fr.unit(), fr.op(), units.freeze(res, fr.unit()), false);
            } else if (c instanceof Command.Thaw th) {
                track(res, th.unit(), th.op(), units.thaw(res, th.unit()), false);
            } else {
                throw new IllegalArgumentException("unhandled command " + c.getClass().getName());
            }
        }
    }

    /** Delivers the job's outcome; a failed stop job is also reported to the escalation watch. */
    private void track(String res, String unit, long op, CompletableFuture<JobOutcome> f, boolean stop) {
        inFlight.add(f);
        f.whenComplete((o, err) -> loop.execute(() -> {
            fact(unit);
            JobOutcome out = err != null || o == null ? JobOutcome.error(err == null ? "no result" : err.toString()) : o;
            if (stop && (out.result() == JobResult.FAILED || out.result() == JobResult.TIMEOUT
                    || out.result() == JobResult.DEPENDENCY)) {
                stopFailures.stopFailed(res, unit, out.result(), out.result().name().toLowerCase(java.util.Locale.ROOT)
                        + (out.detail() == null || out.detail().isEmpty() ? "" : " (" + out.detail() + ")"));
            }
            deliverJob(res, op, out, null);
        }));
    }

    private void deliverJob(String res, long op, JobOutcome o, Throwable err) {
        JobOutcome out = err != null || o == null ? JobOutcome.error(err == null ? "no result" : err.toString()) : o;
        deliver(res, new Input.JobFinished(op, out.result() == null ? JobResult.ERROR : out.result(),
                out.activeState(), out.conditionResult(), out.detail()));
    }

    /**
     * A start whose units are re-read once its job is done: a start unit that failed during the job (or right after
     * it, before its state change reached us) is handed to the promoter before the job result, so the promoter
     * judges the start with the units' real states. The reads are issued from the loop, and an answer is dropped
     * when a newer fact about its unit (a state change from systemd) reached the loop after the read was issued:
     * systemd sends every change in order, so that fact is at least as new, and a stale "active" must never hide a
     * "failed" that arrived meanwhile (the target would then be judged active while a start unit stays failed, and
     * no later change would tell).
     */
    private void trackStart(String res, Command.Start c) {
        List<String> members = promoters.get(res).settings().units();
        CompletableFuture<JobOutcome> f = units.start(res, c.unit());
        inFlight.add(f);
        f.whenComplete((o, err) -> loop.execute(() -> {
            if (err != null || o == null || o.result() != JobResult.DONE || members.isEmpty()) {
                fact(c.unit());
                deliverJob(res, c.op(), o, err);
                return;
            }
            List<CompletableFuture<UnitActiveState>> reads = new ArrayList<>();
            long[] seen = new long[members.size()];
            for (int i = 0; i < members.size(); i++) {
                seen[i] = facts(members.get(i));
                reads.add(units.activeState(res, members.get(i)).exceptionally(t -> UnitActiveState.UNKNOWN));
            }
            CompletableFuture.allOf(reads.toArray(new CompletableFuture<?>[0])).whenComplete((v, e2) -> loop.execute(() -> {
                fact(c.unit());
                for (int i = 0; i < members.size(); i++) {
                    UnitActiveState st = reads.get(i).getNow(UnitActiveState.UNKNOWN);
                    if (st != UnitActiveState.UNKNOWN && facts(members.get(i)) == seen[i]) {
                        fact(members.get(i));
                        deliver(res, new Input.UnitStateChanged(members.get(i), st));
                    }
                }
                deliverJob(res, c.op(), o, null);
            }));
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
