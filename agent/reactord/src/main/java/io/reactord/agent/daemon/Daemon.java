package io.reactord.agent.daemon;

import io.reactord.agent.control.ControlServer;
import io.reactord.agent.core.AgentCore;
import io.reactord.agent.core.CommandListener;
import io.reactord.agent.core.SettingsMapper;
import io.reactord.agent.core.UnitController;
import io.reactord.agent.journal.JournalFile;
import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.agent.promoter.UnitActiveState;
import io.reactord.agent.time.Cancellable;
import io.reactord.agent.time.RealScheduler;
import io.reactord.config.ConfigDiff;
import io.reactord.config.LoadResult;
import io.reactord.config.PromoterResource;
import io.reactord.config.ReactordConfig;
import io.reactord.config.ResourceChange;
import io.reactord.config.Runner;
import io.reactord.events2.Event;
import io.reactord.systemd.ConnectionState;
import io.reactord.systemd.DropInWriter;
import io.reactord.systemd.SystemdClient;
import io.reactord.systemd.OcfAgent;
import io.reactord.systemd.UnitPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: wires the event loop, the events2 child, systemd, the journal and the control
 * socket around one {@link AgentCore}, handles reload and shutdown. {@link #run()} blocks until
 * {@link #stop()}.
 */
public final class Daemon implements Signals.Actions {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** Consecutive unparsable events2 lines after which the stream is restarted. */
    static final int GARBAGE_LIMIT = 100;
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    static final long SHUTDOWN_WAIT_S = 120;

    /** Daemon options that are not in the configuration file. */
    /** @param loadStartMillis wall-clock time just before the configuration was first read (0: unknown) */
    public record Options(String hostname, Path shim, String drbdadm, Supplier<LoadResult> loader, boolean logLevelGiven,
            long loadStartMillis) {
        /** Options with the {@code [[log]]} tables in charge of logging (no {@code -v} / {@code --log-level}). */
        public Options(String hostname, Path shim, String drbdadm, Supplier<LoadResult> loader) {
            this(hostname, shim, drbdadm, loader, false, 0);
        }
    }

    /** The {@code [[debugger]]} log: every DRBD change, at debug level as drbd-reactor's debugger plugin. */
    private static final Logger DEBUGGER = LoggerFactory.getLogger("io.reactord.debugger");

    private final Options opts;
    private volatile ReactordConfig config;
    private final EventLoop loop = new EventLoop();
    private final RealScheduler scheduler = new RealScheduler("reactord-timers");
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile SnippetsMonitor snippetsMonitor;
    private volatile Cancellable snippetsTimer;
    /** Open once run() has wired everything: a SIGHUP during start-up waits for it. */
    private final CountDownLatch startedUp = new CountDownLatch(1);
    private final ChildProcesses children = new ChildProcesses(600);
    private final Map<String, DrbdOptions> drbdOptions = new HashMap<>();
    private volatile Set<String> shellResources = Set.of();
    private volatile ShellUnits shellUnits;
    private SystemdUnits systemdUnits;
    private ShellState shellState;
    private volatile List<UnitPlan> plannedUnits = List.of();
    private volatile DropInKeeper dropIns;
    /** A systemd reload of written drop-ins still owed (the bus was gone when they were written). */
    private volatile boolean reloadPending;
    private final java.util.concurrent.ExecutorService dropInWork = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reactord-drop-ins");
        t.setDaemon(true);
        return t;
    });
    private SystemdClient systemd;
    private JournalFile journal;
    private AgentCore core;
    private Events2Process events;
    private ControlServer control;
    private Cancellable pollTimer;
    private int garbageRun;
    private long streamRestarts;
    private volatile boolean ready;
    private final Notifier notifier = Notifier.fromEnvironment(System.getenv(), new ChildProcesses(30));
    private volatile String controlProblem;
    private String lastStreamLoss;
    private LoopTicker statusTicker;
    private LoopTicker watchdogTicker;
    private CommandListener commandListener = CommandListener.NONE;
    private DaemonMetrics metrics;
    private io.reactord.agent.umh.UmhRunner umh;

    public Daemon(ReactordConfig config, Options opts) {
        this.config = config;
        this.opts = opts;
    }

    /** Observes every unit command (metrics). Set before {@link #run()}. */
    public void commandListener(CommandListener l) {
        this.commandListener = l;
    }

    /** Runs until {@link #stop()}; returns the exit status. */
    public int run() {
        try {
            io.reactord.agent.journal.StateFiles.ensureDir(config.stateDir());
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("state directory {}: {}; the journal and the shell runner's state may not persist", config.stateDir(), e.toString());
        }
        journal = new JournalFile(config.stateDir(), JournalFile.DEFAULT_MAX_BYTES);
        systemd = SystemdClient.forSystemBus(jobTimeout(config));
        CompletableFuture<Void> connected = systemd.start();
        if (stoppedWhileConnecting(connected)) {
            LOG.info("stopped before systemd was reachable; nothing was managed");
            systemd.close();
            journal.close();
            scheduler.close();
            children.close();
            return 0;
        }
        systemdUnits = new SystemdUnits(systemd);
        UnitController units = new RoutingUnits(systemdUnits, () -> shellUnits, () -> shellResources);
        metrics = DaemonMetrics.start(config, opts.drbdadm());
        metrics.configLoaded();
        Escalations escalations = new Escalations(journal, metrics::escalation, scheduler.clock()::millis,
                res -> core.promoters().containsKey(res) ? core.promoters().get(res).state() : null);
        core = new AgentCore(scheduler, loop, units, metrics.wrap(journal),
                metrics.wrap((t, r, c) -> commandListener.executing(t, r, c)));
        core.onFirstDump(this::firstDump);
        core.onStopFailure((res, unit, result, detail) -> escalations.stopFailed(res, unit, detail));
        core.observe((e, before, after, cs) -> metrics.onEvent(e, cs));
        umh = new io.reactord.agent.umh.UmhRunner(config.umh(), io.reactord.agent.umh.UmhRunner.Options.DEFAULTS,
                run -> LOG.info("umh: {}", run.summary()));
        core.observe((e, before, after, cs) -> umh.onEvent(e, before, after));
        core.observe((e, before, after, cs) -> {
            if (!config.debugger().isEmpty() && DEBUGGER.isDebugEnabled()) {
                DEBUGGER.debug("{} | before: {} | after: {}", e, before, after);
            }
        });
        systemd.onUnitStateChange(c -> maybeRetryDropIns(c.unit(), c.activeState()));
        systemd.onUnitStateChange(c -> loop.execute(() -> {
            escalations.unitChanged(c.unit(), c.activeState(), core.promoters().keySet());
            core.unitStateChanged(c.unit(), UnitActiveState.parse(c.activeState()));
        }));
        systemd.onConnectionState(s -> {
            if (s == ConnectionState.RECONNECTED) {
                loop.execute(this::rereadUnits);
            } else if (s == ConnectionState.DISCONNECTED) {
                LOG.warn("systemd D-Bus connection lost; reconnecting");
            }
        });

        notifier.status("starting: drop-ins, drbdadm adjust and DRBD option checks");
        snippetsMonitor = new SnippetsMonitor(config.snippetsDir());
        snippetsMonitor.loaded(System.currentTimeMillis());
        scheduleSnippetsCheck();
        Map<String, PromoterSettings> settings = prepare(config, true);
        loop.start();
        loop.execute(() -> core.setResources(settings));

        control = new ControlServer(config.socket(), new DaemonControl(this));
        String controlProblem = null;
        try {
            control.start();
        } catch (Exception e) {
            controlProblem = "control socket " + config.socket() + " unavailable: " + e.getMessage();
            LOG.error("control socket {}: {}; reactorctl cannot reach this daemon", config.socket(), e.toString());
        }
        notifyReady(controlProblem);
        startedUp.countDown();
        if (opts.loadStartMillis() > 0 && SnippetsMonitor.changedSince(config.mainFile(), config.snippetsDir(),
                opts.loadStartMillis())) {
            // systemd merges a reload asked for while the start job runs into that job: no SIGHUP comes
            LOG.info("configuration files changed while reactord was starting: reloading");
            applyReload();
        }

        events = new Events2Process(Events2Process.command(config.drbdsetup()));
        events.start(new EventSource.Sink() {
            @Override
            public void streamStarting(boolean restart) {
                if (restart) {
                    loop.execute(() -> {
                        streamRestarts++;
                        metrics.events2Restart();
                    });
                }
            }

            @Override
            public void line(byte[] line) {
                loop.execute(() -> onLine(line));
            }

            @Override
            public void streamLost(String why) {
                loop.execute(() -> {
                    lastStreamLoss = why;
                    core.streamRestarting(why);
                    refreshStatus();
                });
            }
        });
        schedulePoll();

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return shutdown();
    }

    /**
     * Waits up to 30 s for the first connection to systemd, but returns at once when SIGTERM comes meanwhile: true
     * then. Without a bus the daemon goes on and unit operations fail until systemd is reachable.
     */
    private boolean stoppedWhileConnecting(CompletableFuture<Void> connected) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (!connected.isDone() && System.nanoTime() < end) {
                if (stopped.await(50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        if (!connected.isDone() || connected.isCompletedExceptionally()) {
            LOG.warn("systemd D-Bus not reachable yet; continuing, unit operations fail until it is");
        }
        return false;
    }

    private void onLine(byte[] line) {
        Event e = core.onLine(line, 0, line.length);
        if (e instanceof Event.Unparsed && line.length > 0) {
            if (++garbageRun >= GARBAGE_LIMIT) {
                garbageRun = 0;
                LOG.warn("events2: {} unparsable lines in a row; restarting the stream", GARBAGE_LIMIT);
                events.restart("events2 emitted garbage");
            }
        } else {
            garbageRun = 0;
        }
    }

    /** The next {@code snippets-monitoring-interval} check (none when 0); on the timer thread, file stats only. */
    private void scheduleSnippetsCheck() {
        Duration every = SnippetsMonitor.effectiveInterval(config.snippetsMonitoringInterval());
        if (every.isZero()) {
            return;
        }
        snippetsTimer = scheduler.schedule(every, () -> {
            snippetsMonitor.check(System.currentTimeMillis()).forEach(w -> LOG.warn("config: {}", w));
            scheduleSnippetsCheck();
        });
    }

    private void schedulePoll() {
        Duration every = config.statisticsPollInterval();
        pollTimer = scheduler.schedule(every, () -> {
            events.poll();
            if (dropIns != null && !dropIns.waiting().isEmpty()) {
                dropInWork.execute(this::writeDropIns);
            }
            schedulePoll();
        });
    }

    /**
     * The D-Bus client's bound on any job: 5 min, or longer when a resource's start-timeout needs it, so the
     * promoter's start-timeout (warned while waiting) decides a hung start, not the client.
     */
    static Duration jobTimeout(ReactordConfig cfg) {
        Duration t = JOB_TIMEOUT;
        for (PromoterResource r : cfg.resources().values()) {
            Duration need = r.startTimeout().plusSeconds(30);
            t = need.compareTo(t) > 0 ? need : t;
        }
        return t;
    }

    /** Writes drop-ins, reloads systemd, adjusts and checks DRBD; returns the promoter settings. Off the loop. */
    private Map<String, PromoterSettings> prepare(ReactordConfig cfg, boolean startup) {
        List<UnitPlan> plans = new ArrayList<>();
        Map<String, String> planRefusals = new HashMap<>();
        Set<String> shell = new HashSet<>();
        Map<String, ShellUnits.Spec> specs = new HashMap<>();
        for (PromoterResource r : cfg.resources().values()) {
            if (r.runner() == Runner.SHELL) {
                shell.add(r.name());
                specs.put(r.name(), new ShellUnits.Spec(r.start(), r.effectiveStop()));
            } else {
                try {
                    String missing = SettingsMapper.planProblem(r, OcfAgent.DEFAULT_OCF_ROOT);
                    if (missing != null) {
                        planRefusals.put(r.name(), "its units cannot run: " + missing);
                    } else {
                        plans.add(SettingsMapper.toPlan(r));
                    }
                } catch (IllegalArgumentException e) {
                    planRefusals.put(r.name(), "its units cannot be planned: " + e.getMessage());
                }
            }
        }
        plannedUnits = List.copyOf(plans);
        String notWritten = writeDropIns();
        if (notWritten != null) {
            // without its drop-ins a target would start its services bare (no promote, no ordering): refuse them all
            plans.forEach(p -> planRefusals.put(p.resource(), "its drop-ins could not be written: " + notWritten));
        } else {
            for (UnitPlan p : plans) {
                String missing = unloadable(p);
                if (missing != null) {
                    planRefusals.put(p.resource(), missing);
                }
            }
        }
        if (shellState == null) {
            shellState = ShellState.in(cfg.stateDir());
        }
        shellUnits = new ShellUnits(children, cfg.drbdsetup(), specs, shellState,
                io.reactord.systemd.TransientRun.detect().orElse(null));
        shellResources = Set.copyOf(shell);
        StartupWork work = new StartupWork(cfg.drbdsetup(), opts.drbdadm());
        List<PromoterResource> unchecked = new ArrayList<>();
        for (PromoterResource r : cfg.resources().values()) {
            if (startup && r.adjustResourceOnStart()) {
                work.adjust(r);
            }
            if (!startup || !drbdOptions.containsKey(r.name())) {
                unchecked.add(r);
            }
        }
        drbdOptions.putAll(work.checkAll(unchecked));
        Map<String, PromoterSettings> out = new LinkedHashMap<>();
        for (PromoterResource r : cfg.resources().values()) {
            DrbdOptions o = drbdOptions.get(r.name());
            try {
                String refusal = planRefusals.getOrDefault(r.name(), o.refusal());
                PromoterSettings ps = SettingsMapper.toSettings(r, opts.hostname(), o.fencingMode()).withRefused(refusal);
                if (ps.refused() != null) {
                    LOG.error("{}: not managed: {}", r.name(), ps.refused());
                }
                out.put(r.name(), ps);
            } catch (IllegalArgumentException e) {
                LOG.error("{}: not managed: {}", r.name(), e.getMessage());
            }
        }
        return out;
    }

    /**
     * Writes the drop-ins of the current plans and reloads systemd when that changed anything; stale drop-ins of a
     * target that still runs stay until it is stopped ({@link DropInKeeper}). Off the loop.
     */
    private synchronized String writeDropIns() {
        if (dropIns == null || !dropIns.unitDir().equals(config.unitDir())) {
            dropIns = new DropInKeeper(config.unitDir(), opts.shim());
        }
        try {
            Set<String> before = dropIns.waiting();
            DropInKeeper.Outcome o = dropIns.apply(plannedUnits, this::readActiveState, config.snippetsDir());
            if (!before.equals(dropIns.waiting())) {
                o.kept().forEach((target, units) -> LOG.info("drop-ins of {} ({}) kept while it runs on this node;"
                        + " they go once it is stopped", target, String.join(", ", units)));
            }
            DropInWriter.Result w = o.written();
            if (w.changed() || reloadPending) {
                LOG.info("drop-ins: {} written, {} removed; reloading systemd", w.written().size(), w.removed().size());
                try {
                    systemd.daemonReload().get(60, TimeUnit.SECONDS);
                    reloadPending = false;
                } catch (Exception e) {
                    if (!busUnavailable(e)) {
                        throw e;
                    }
                    // a host fault, not a fault of the resources: the files are in place (a manager that comes
                    // back reads them), and the reload is repeated once the bus answers again
                    reloadPending = true;
                    LOG.warn("drop-ins written, but systemd is not reachable to reload them ({}); reloading once it is",
                            e.getCause() == null ? e.toString() : e.getCause().getMessage());
                }
            }
            return null;
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("writing drop-ins to {} failed: {}", config.unitDir(), why);
            return why;
        }
    }

    /**
     * Why one of the plan's units cannot be loaded by systemd (a unit file or template not installed, a
     * unit systemd rejects), or null. A unit whose state cannot be read counts as loadable. Off the loop.
     */
    private String unloadable(UnitPlan plan) {
        List<String> units = new ArrayList<>();
        units.add(io.reactord.systemd.SystemdNames.servicesTarget(plan.resource()));
        units.add(io.reactord.systemd.SystemdNames.promoteService(plan.resource()));
        units.addAll(plan.startUnits());
        for (String unit : units) {
            String load;
            try {
                load = systemd.unitState(unit).get(10, TimeUnit.SECONDS).loadState();
            } catch (Exception e) {
                continue;
            }
            if ("not-found".equals(load) || "bad-setting".equals(load) || "error".equals(load)) {
                return "its unit " + unit + " cannot be loaded by systemd (LoadState=" + load + ")"
                        + (unit.startsWith("ocf.rs@") ? "; is the ocf.rs@.service template installed (reactorctl install-units)?" : "");
            }
        }
        return null;
    }

    private String readActiveState(String unit) {
        try {
            return systemd.activeState(unit).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    /** A unit changed state: when it is one whose stale drop-ins wait, try the removal again (off the loop). */
    private void maybeRetryDropIns(String unit, String activeState) {
        if (DropInKeeper.isDown(activeState) && dropIns != null && dropIns.waiting().contains(unit)) {
            dropInWork.execute(this::writeDropIns);
        }
    }

    /** SIGHUP: load, validate and apply the configuration; a bad one is rejected and the old one stays. */
    @Override
    public void reload() {
        try {
            if (!startedUp.await(5, TimeUnit.MINUTES)) {
                LOG.warn("reload ignored: start-up has not finished");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        applyReload();
    }

    /** The reload itself, one at a time (and never beside a drop-in cleanup). */
    private synchronized void applyReload() {
        LoadResult lr = opts.loader().get();
        lr.warnings().forEach(w -> LOG.warn("config: {}", w));
        if (!lr.ok()) {
            lr.errors().forEach(e -> LOG.error("config: {}", e));
            if (lr.usable() == null) {
                LOG.error("reload rejected: the main file has {} error(s); the previous configuration stays in force",
                        lr.errors().size());
                return;
            }
            LOG.error("reload: {} file(s) rejected, their previous configuration stays in force: {}",
                    lr.rejected().size(), lr.rejected());
        }
        ReactordConfig neu = io.reactord.config.PartialReload.merge(config, lr);
        Map<String, ResourceChange> diff = ConfigDiff.diff(config, neu);
        LOG.info("reload: {}", diff);
        boolean logsChanged = !neu.logs().equals(config.logs());
        boolean monitorChanged = !neu.snippetsMonitoringInterval().equals(config.snippetsMonitoringInterval());
        config = neu;
        if (logsChanged && !opts.logLevelGiven()) {
            io.reactord.agent.runtime.Logging.apply(neu.logs()).forEach(w -> LOG.warn("config: {}", w));
            LOG.info("reload: [[log]] tables applied");
        }
        snippetsMonitor.loaded(System.currentTimeMillis());
        if (monitorChanged) {
            Cancellable t = snippetsTimer;
            if (t != null) {
                t.cancel();
            }
            scheduleSnippetsCheck();
        }
        Map<String, PromoterSettings> settings = prepare(neu, false);
        loop.execute(() -> {
            core.setResources(settings);
            umh.reconfigure(neu.umh());
            metrics.configLoaded();
        });
    }

    private void rereadUnits() {
        if (reloadPending) {
            // the drop-ins written while systemd was away are loaded before any promoter acts again
            dropInWork.execute(() -> {
                writeDropIns();
                loop.execute(this::managerReachable);
            });
            return;
        }
        managerReachable();
    }

    /** True when {@code e} (or a cause) says the bus or the manager could not be reached. */
    private static boolean busUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.reactord.systemd.BusUnavailableException) {
                return true;
            }
        }
        return false;
    }

    private void managerReachable() {
        LOG.info("systemd reconnected: re-reading unit states");
        for (String res : new ArrayList<>(core.promoters().keySet())) {
            core.deliver(res, new io.reactord.agent.promoter.Input.ManagerReachable());
        }
        core.rereadTargets();
    }

    /** The first complete DRBD state went to every promoter (the status answer's {@code ready}). Loop. */
    private void firstDump() {
        ready = true;
        LOG.info("initial DRBD state processed; {} resource(s) managed", core.promoters().size());
        refreshStatus();
    }

    /**
     * {@code READY=1} for systemd: the configuration is loaded and the control socket answers, whatever DRBD
     * does; what the daemon still waits for is in {@code STATUS=}, kept current from the loop every second. With
     * {@code WATCHDOG_USEC} set, {@code WATCHDOG=1} is sent from the loop at half that interval.
     */
    private void notifyReady(String controlProblem) {
        this.controlProblem = controlProblem;
        String status;
        try {
            status = loop.call(this::statusText).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            status = "starting";
        }
        notifier.ready(status);
        if (notifier.enabled()) {
            statusTicker = new LoopTicker(scheduler, loop, Duration.ofSeconds(1), this::refreshStatus).start();
            LOG.info("systemd notified: ready ({})", status);
        }
        Duration wd = Notifier.watchdogInterval(System.getenv(), ProcessHandle.current().pid());
        if (wd != null && notifier.enabled()) {
            watchdogTicker = new LoopTicker(scheduler, loop, wd, notifier::watchdog).start();
            LOG.info("systemd watchdog: WATCHDOG=1 from the event loop every {} ms", wd.toMillis());
        }
    }

    /** Sends the current status text when it changed. Loop. */
    private void refreshStatus() {
        notifier.status(statusText());
    }

    /** What the daemon does or waits for, in one line (systemd's STATUS=). Loop. */
    String statusText() {
        String prefix = controlProblem == null ? "" : controlProblem + "; ";
        if (!core.dumpComplete()) {
            return prefix + "waiting for DRBD: " + (lastStreamLoss != null ? lastStreamLoss
                    : "reading the initial state (drbdsetup events2)");
        }
        int active = 0;
        int failed = 0;
        for (io.reactord.agent.promoter.Promoter p : core.promoters().values()) {
            switch (p.state()) {
                case ACTIVE, FROZEN -> active++;
                case FAILED -> failed++;
                default -> { }
            }
        }
        return prefix + core.promoters().size() + " resource(s) managed, " + active + " active on this node"
                + (failed > 0 ? ", " + failed + " FAILED" : "");
    }

    /** The systemd client (connected or reconnecting). */
    SystemdClient systemd() {
        return systemd;
    }

    /** SIGUSR1: logs the running configuration. */
    @Override
    public void dumpConfiguration() {
        ReactordConfig c = config;
        LOG.info("SIGUSR1: running configuration (from {}):\n{}", c.mainFile(), ConfigDump.render(c));
    }

    /** Asks {@link #run()} to return (SIGTERM). */
    @Override
    public void stop() {
        stopped.countDown();
    }

    private int shutdown() {
        LOG.info("shutting down");
        if (pollTimer != null) {
            pollTimer.cancel();
        }
        if (statusTicker != null) {
            statusTicker.close();
        }
        notifier.stopping();
        if (events != null) {
            events.close();
        }
        if (notifier.enabled() && systemdUnits != null) {
            // a systemd service: stop-services-on-exit only queues the targets' stops (see SystemdUnits.exiting)
            systemdUnits.exiting();
        }
        try {
            CompletableFuture<Void> stops = loop.call(() -> core.shutdown("reactord exiting")).get(10, TimeUnit.SECONDS);
            stops.get(SHUTDOWN_WAIT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("shutdown: not every stop finished: {}", e.toString());
        }
        if (watchdogTicker != null) {
            watchdogTicker.close();
        }
        if (control != null) {
            control.close();
        }
        loop.close();
        journal.close();
        metrics.close();
        umh.close();
        systemd.close();
        scheduler.close();
        children.close();
        dropInWork.shutdownNow();
        notifier.close();
        return 0;
    }

    // ---------------------------------------------------------------- for the control socket

    EventLoop loop() {
        return loop;
    }

    AgentCore core() {
        return core;
    }

    ReactordConfig config() {
        return config;
    }

    JournalFile journal() {
        return journal;
    }

    String hostname() {
        return opts.hostname();
    }

    boolean ready() {
        return ready;
    }

    long streamRestarts() {
        return streamRestarts;
    }

    long events2Pid() {
        return events == null ? -1 : events.pid();
    }
}
