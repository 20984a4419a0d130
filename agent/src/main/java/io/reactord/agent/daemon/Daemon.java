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
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** Consecutive unparsable events2 lines after which the stream is restarted. */
    static final int GARBAGE_LIMIT = 100;
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    static final long SHUTDOWN_WAIT_S = 120;

    /** Daemon options that are not in the configuration file. */
    public record Options(String hostname, Path shim, String drbdadm, Supplier<LoadResult> loader) {}

    private final Options opts;
    private volatile ReactordConfig config;
    private final EventLoop loop = new EventLoop();
    private final RealScheduler scheduler = new RealScheduler("reactord-timers");
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ChildProcesses children = new ChildProcesses(600);
    private final Map<String, DrbdOptions> drbdOptions = new HashMap<>();
    private volatile Set<String> shellResources = Set.of();
    private volatile ShellUnits shellUnits;
    private SystemdClient systemd;
    private JournalFile journal;
    private AgentCore core;
    private Events2Process events;
    private ControlServer control;
    private Cancellable pollTimer;
    private int garbageRun;
    private long streamRestarts;
    private volatile boolean ready;
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
        journal = new JournalFile(config.stateDir(), JournalFile.DEFAULT_MAX_BYTES);
        systemd = SystemdClient.forSystemBus(JOB_TIMEOUT);
        CompletableFuture<Void> connected = systemd.start();
        if (stoppedWhileConnecting(connected)) {
            LOG.info("stopped before systemd was reachable; nothing was managed");
            systemd.close();
            journal.close();
            scheduler.close();
            children.close();
            return 0;
        }
        UnitController units = new RoutingUnits(new SystemdUnits(systemd), () -> shellUnits, () -> shellResources);
        metrics = DaemonMetrics.start(config, opts.drbdadm());
        Escalations escalations = new Escalations(journal, metrics::escalation, scheduler.clock()::millis,
                res -> core.promoters().containsKey(res) ? core.promoters().get(res).state() : null);
        core = new AgentCore(scheduler, loop, units, escalations.watch(metrics.wrap(journal)),
                metrics.wrap((t, r, c) -> commandListener.executing(t, r, c)));
        core.onFirstDump(this::notifyReady);
        core.observe((e, before, after, cs) -> metrics.onEvent(e, cs));
        umh = new io.reactord.agent.umh.UmhRunner(config.umh(), io.reactord.agent.umh.UmhRunner.Options.DEFAULTS,
                run -> LOG.info("umh: {}", run.summary()));
        core.observe((e, before, after, cs) -> umh.onEvent(e, before, after));
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

        Map<String, PromoterSettings> settings = prepare(config, true);
        loop.start();
        loop.execute(() -> core.setResources(settings));

        control = new ControlServer(config.socket(), new DaemonControl(this));
        try {
            control.start();
        } catch (Exception e) {
            LOG.error("control socket {}: {}; reactorctl cannot reach this daemon", config.socket(), e.toString());
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
            public void line(String line) {
                loop.execute(() -> onLine(line));
            }

            @Override
            public void streamLost(String why) {
                loop.execute(() -> core.streamRestarting(why));
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

    private void onLine(String line) {
        Event e = core.onLine(line);
        if (e instanceof Event.Unparsed && !line.isEmpty()) {
            if (++garbageRun >= GARBAGE_LIMIT) {
                garbageRun = 0;
                LOG.warn("events2: {} unparsable lines in a row; restarting the stream", GARBAGE_LIMIT);
                events.restart("events2 emitted garbage");
            }
        } else {
            garbageRun = 0;
        }
    }

    private void schedulePoll() {
        Duration every = config.statisticsPollInterval();
        pollTimer = scheduler.schedule(every, () -> {
            events.poll();
            schedulePoll();
        });
    }

    /** Writes drop-ins, reloads systemd, adjusts and checks DRBD; returns the promoter settings. Off the loop. */
    private Map<String, PromoterSettings> prepare(ReactordConfig cfg, boolean startup) {
        List<UnitPlan> plans = new ArrayList<>();
        Set<String> shell = new HashSet<>();
        Map<String, ShellUnits.Spec> specs = new HashMap<>();
        for (PromoterResource r : cfg.resources().values()) {
            if (r.runner() == Runner.SHELL) {
                shell.add(r.name());
                specs.put(r.name(), new ShellUnits.Spec(r.start(), r.effectiveStop()));
            } else {
                try {
                    plans.add(SettingsMapper.toPlan(r));
                } catch (IllegalArgumentException e) {
                    LOG.error("{}: {}", r.name(), e.getMessage());
                }
            }
        }
        try {
            DropInWriter.Result w = new DropInWriter(opts.shim()).write(cfg.unitDir(), plans);
            if (w.changed()) {
                LOG.info("drop-ins: {} written, {} removed; reloading systemd", w.written().size(), w.removed().size());
                systemd.daemonReload().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.error("writing drop-ins to {} failed: {}", cfg.unitDir(), e.getMessage());
        }
        shellUnits = new ShellUnits(children, cfg.drbdsetup(), specs);
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
                out.put(r.name(), SettingsMapper.toSettings(r, opts.hostname(), o.fencingConfigured()));
            } catch (IllegalArgumentException e) {
                LOG.error("{}: not managed: {}", r.name(), e.getMessage());
            }
        }
        return out;
    }

    /** SIGHUP: load, validate and apply the configuration; a bad one is rejected and the old one stays. */
    public synchronized void reload() {
        LoadResult lr = opts.loader().get();
        lr.warnings().forEach(w -> LOG.warn("config: {}", w));
        if (!lr.ok()) {
            lr.errors().forEach(e -> LOG.error("config: {}", e));
            LOG.error("reload rejected: the configuration has {} error(s); the previous configuration stays in force",
                    lr.errors().size());
            return;
        }
        ReactordConfig neu = lr.config();
        Map<String, ResourceChange> diff = ConfigDiff.diff(config, neu);
        LOG.info("reload: {}", diff);
        config = neu;
        Map<String, PromoterSettings> settings = prepare(neu, false);
        loop.execute(() -> {
            core.setResources(settings);
            umh.reconfigure(neu.umh());
        });
    }

    private void rereadUnits() {
        LOG.info("systemd reconnected: re-reading unit states");
        core.rereadTargets();
    }

    private void notifyReady() {
        ready = true;
        LOG.info("initial DRBD state processed; {} resource(s) managed", core.promoters().size());
        if (System.getenv("NOTIFY_SOCKET") != null) {
            children.run(List.of("systemd-notify", "--ready", "--status=initial DRBD state processed"))
                    .thenAccept(rc -> {
                        if (rc != 0) {
                            LOG.warn("systemd-notify --ready failed (status {}); the unit needs NotifyAccess=all", rc);
                        }
                    });
        }
    }

    /** The systemd client (connected or reconnecting). */
    SystemdClient systemd() {
        return systemd;
    }

    /** Asks {@link #run()} to return (SIGTERM). */
    public void stop() {
        stopped.countDown();
    }

    private int shutdown() {
        LOG.info("shutting down");
        if (pollTimer != null) {
            pollTimer.cancel();
        }
        if (events != null) {
            events.close();
        }
        try {
            CompletableFuture<Void> stops = loop.call(() -> core.shutdown("reactord exiting")).get(10, TimeUnit.SECONDS);
            stops.get(SHUTDOWN_WAIT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("shutdown: not every stop finished: {}", e.toString());
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
