package io.reactord.systemd;

import io.reactord.systemd.dbus.SystemdManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.IDisconnectCallback;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * reactord's only link to systemd: a D-Bus client of the service manager.
 *
 * <p>Every call runs on one dedicated thread, in submission order, and returns a
 * {@link CompletableFuture}; the caller's thread blocks only if it calls {@code get()}. Starting or
 * stopping a unit completes with the job's {@link JobResult} once the manager's {@code JobRemoved}
 * arrives, or exceptionally with {@link JobTimeoutException}. Failures are this module's
 * {@link SystemdException} types.
 *
 * <p>When the bus connection breaks, or the manager leaves the bus, pending jobs fail with
 * {@link BusUnavailableException}, listeners hear {@link ConnectionState#DISCONNECTED}, and the client
 * reconnects with exponential backoff, subscribes again and reports
 * {@link ConnectionState#RECONNECTED}: job results and state changes in between are lost, so the
 * listener should re-read what it needs. Unit state changes are reported once per distinct
 * (ActiveState, SubState), although systemd sends each change more than once.
 *
 * <p>Job results and unit state changes complete on one thread, in the order systemd sent them: a state
 * change sent before a job's {@code JobRemoved} reaches its listeners before the job's future completes,
 * so a caller that hands both to one queue never sees an older state after a newer job result.
 */
public final class SystemdClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdClient.class);
    private static final String UNIT_IFACE = "org.freedesktop.systemd1.Unit";

    private final String address;
    private final Duration jobTimeout;
    private final Duration maxBackoff;
    private final ExecutorService calls;
    private final ScheduledExecutorService timer;
    private final ExecutorService events;
    private final JobTracker jobs = new JobTracker();
    private final List<Consumer<UnitStateChange>> unitListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionState>> connectionListeners = new CopyOnWriteArrayList<>();
    private final Map<String, UnitStateChange> lastStates = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();

    private final UnitReads reads = new UnitReads(() -> this.connection);

    // written only on the calls thread (read by the bulk reads)
    private volatile DBusConnection connection;
    private SystemdManager manager;
    private long generation;
    private long backoffMillis;
    private long quietRetries;
    private boolean everConnected;
    private volatile boolean closed;

    private SystemdClient(String address, Duration jobTimeout, Duration maxBackoff) {
        this.address = address;
        this.jobTimeout = jobTimeout;
        this.maxBackoff = maxBackoff;
        this.calls = Executors.newSingleThreadExecutor(daemon("reactord-systemd-calls"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("reactord-systemd-timer"));
        this.events = Executors.newSingleThreadExecutor(daemon("reactord-systemd-events"));
    }

    /** A client of the system bus: {@code DBUS_SYSTEM_BUS_ADDRESS} if set, else the standard socket. */
    public static SystemdClient forSystemBus(Duration jobTimeout) {
        String env = System.getenv("DBUS_SYSTEM_BUS_ADDRESS");
        return forAddress(env == null || env.isBlank() ? null : env, jobTimeout);
    }

    /** A client of the bus at {@code address} (e.g. {@code unix:path=/run/x/bus}); null = system bus. */
    public static SystemdClient forAddress(String address, Duration jobTimeout) {
        return new SystemdClient(address, jobTimeout, Duration.ofSeconds(5));
    }

    /**
     * Starts connecting (and keeps retrying with backoff); the future completes on the first
     * successful connection and subscription.
     */
    public CompletableFuture<Void> start() {
        calls.execute(this::connectOrRetry);
        return firstConnect.copy();
    }

    /** A listener registration; {@link #close()} removes the listener. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Registers a listener for connection state; called on the client's event thread. */
    public Registration onConnectionState(Consumer<ConnectionState> listener) {
        connectionListeners.add(Objects.requireNonNull(listener));
        return () -> connectionListeners.remove(listener);
    }

    /** Registers a listener for unit state changes; called on the client's event thread, in order. */
    public Registration onUnitStateChange(Consumer<UnitStateChange> listener) {
        unitListeners.add(Objects.requireNonNull(listener));
        return () -> unitListeners.remove(listener);
    }

    /** {@code StartUnit(unit, mode)}; completes with the job's result. Mode: replace, fail, … */
    public CompletableFuture<JobResult> startUnit(String unit, String mode) {
        return job("start", unit, () -> manager().StartUnit(unit, mode));
    }

    /** {@code StopUnit(unit, mode)}; completes with the job's result. */
    public CompletableFuture<JobResult> stopUnit(String unit, String mode) {
        return job("stop", unit, () -> manager().StopUnit(unit, mode));
    }

    /**
     * {@code StopUnit(unit, mode)} without waiting for the job: completes once systemd has queued it. For a stop that
     * systemd runs only after the caller has exited (a unit ordered {@code Before=} the caller's own service).
     */
    public CompletableFuture<Void> queueStop(String unit, String mode) {
        return call("stop", unit, () -> {
            manager().StopUnit(unit, mode);
            return null;
        });
    }

    public CompletableFuture<Void> resetFailedUnit(String unit) {
        return call("reset-failed", unit, () -> {
            manager().ResetFailedUnit(unit);
            return null;
        });
    }

    /** {@code Reload()}: the manager re-reads unit files and drop-ins. */
    public CompletableFuture<Void> daemonReload() {
        return call("daemon-reload", null, () -> {
            manager().Reload();
            return null;
        });
    }

    /** Freezes the unit's processes; fails with {@link FreezeNotSupportedException} where impossible. */
    public CompletableFuture<Void> freezeUnit(String unit) {
        return call("freeze", unit, () -> {
            manager().FreezeUnit(unit);
            return null;
        });
    }

    public CompletableFuture<Void> thawUnit(String unit) {
        return call("thaw", unit, () -> {
            manager().ThawUnit(unit);
            return null;
        });
    }

    /** Masks the unit until the next boot ({@code /run}), then reloads. */
    public CompletableFuture<Void> maskRuntime(String unit) {
        return call("mask", unit, () -> {
            manager().MaskUnitFiles(List.of(unit), true, false);
            manager().Reload();
            return null;
        });
    }

    /** Removes a runtime mask, then reloads. */
    public CompletableFuture<Void> unmaskRuntime(String unit) {
        return call("unmask", unit, () -> {
            manager().UnmaskUnitFiles(List.of(unit), true);
            manager().Reload();
            return null;
        });
    }

    /**
     * Reads all of the unit's state properties, its condition result included (loading the unit if needed; unknown
     * units read not-found); its result stays empty.
     */
    public CompletableFuture<UnitState> unitState(String unit) {
        return call("status", unit, () -> {
            DBusPath path = manager().LoadUnit(unit);
            Properties props = connection.getRemoteObject(SystemdManager.BUS_NAME, path.getPath(), Properties.class);
            Map<String, Variant<?>> all = props.GetAll(UNIT_IFACE);
            return new UnitState(unit, str(all, "LoadState"), str(all, "ActiveState"), str(all, "SubState"),
                    all.containsKey("FreezerState") ? str(all, "FreezerState") : "", str(all, "UnitFileState"), "",
                    conditionResult(all));
        });
    }

    /**
     * The unit's ActiveState (active, inactive, failed, …), from one {@code ListUnitsByNames} shared with the
     * other reads asked for at the same time; off the job thread. Unknown units read inactive.
     */
    public CompletableFuture<String> activeState(String unit) {
        return reads.basic(unit).thenApply(UnitState::activeState);
    }

    /**
     * The state of many units for a status display, in the order asked, in one {@code ListUnitsByNames} and
     * the few property reads it lacks (see {@link UnitReads}); off the job thread. Units systemd does not
     * list (invalid names) are left out.
     */
    public CompletableFuture<List<UnitState>> unitStates(List<String> units) {
        return reads.summaries(units);
    }

    /** Stops reconnecting, fails pending jobs and closes the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> dropConnection(false), calls);
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("closing the D-Bus connection: {}", e.toString());
        }
        jobs.failAll(new BusUnavailableException("systemd client closed"));
        reads.close();
        firstConnect.completeExceptionally(new BusUnavailableException("systemd client closed"));
        calls.shutdownNow();
        timer.shutdownNow();
        events.shutdown();
    }

    // ---------------------------------------------------------------- calls

    private CompletableFuture<JobResult> job(String op, String unit, Callable<DBusPath> enqueue) {
        CompletableFuture<JobResult> result = new CompletableFuture<>();
        CompletableFuture<DBusPath> queued = call(op, unit, enqueue);
        queued.whenComplete((path, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
            } else {
                if (!inOrder(() -> jobs.expect(path.getPath(), result))) {
                    result.completeExceptionally(new BusUnavailableException(op + " " + unit + ": systemd client closed"));
                }
            }
        });
        try {
            var timeout = timer.schedule(() -> result.completeExceptionally(new JobTimeoutException(
                    op + " " + unit + ": no job result within " + jobTimeout.toMillis() + " ms")),
                    jobTimeout.toMillis(), TimeUnit.MILLISECONDS);
            result.whenComplete((r, t) -> timeout.cancel(false));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new BusUnavailableException(op + " " + unit + ": systemd client closed"));
        }
        return result;
    }

    private <T> CompletableFuture<T> call(String op, String unit, Callable<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new BusUnavailableException(op + ": systemd client closed"));
            return f;
        }
        try {
            calls.execute(() -> {
                try {
                    f.complete(body.call());
                } catch (Throwable t) {
                    f.completeExceptionally(DBusErrors.translate(t, op, unit));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new BusUnavailableException(op + ": systemd client closed"));
        }
        return f;
    }

    private SystemdManager manager() {
        if (manager == null) {
            throw new BusUnavailableException("not connected to systemd (reconnecting)");
        }
        return manager;
    }

    // ---------------------------------------------------------------- connection lifecycle

    /** On the calls thread: connect and subscribe, or schedule the next attempt. */
    private void connectOrRetry() {
        if (closed || manager != null) {
            return;
        }
        long gen = ++generation;
        try {
            DBusConnectionBuilder builder = address == null
                    ? DBusConnectionBuilder.forSystemBus() : DBusConnectionBuilder.forAddress(address);
            // one connect attempt per try: dbus-java retries every 500 ms for the timeout, and our own
            // backoff does that better
            DBusConnection conn = builder.transportConfig().withTimeout(500).back()
                    .withShared(false)
                    .withDisconnectCallback(new Lost(gen))
                    .build();
            try {
                conn.addSigHandler(SystemdManager.JobRemoved.class,
                        s -> inOrder(() -> jobs.removed(s.job(), JobResult.of(s.result()))));
                conn.addSigHandler(Properties.PropertiesChanged.class, this::propertiesChanged);
                conn.addSigHandler(DBus.NameOwnerChanged.class, s -> nameOwnerChanged(s, gen));
                SystemdManager m = conn.getRemoteObject(SystemdManager.BUS_NAME, SystemdManager.OBJECT_PATH,
                        SystemdManager.class);
                m.Subscribe();
                connection = conn;
                manager = m;
            } catch (Exception | Error e) {
                conn.disconnect();
                throw e;
            }
        } catch (Exception e) {
            SystemdException why = DBusErrors.translate(e, "connect", address == null ? "system bus" : address);
            backoffMillis = backoffMillis == 0 ? 100 : Math.min(backoffMillis * 2, maxBackoff.toMillis());
            if (backoffMillis <= 100 || backoffMillis == maxBackoff.toMillis() && ++quietRetries % 12 == 0) {
                LOG.warn("{}; retrying in {} ms", why.getMessage(), backoffMillis);
            } else {
                LOG.debug("{}; retrying in {} ms", why.getMessage(), backoffMillis);
            }
            scheduleReconnect(backoffMillis);
            return;
        }
        backoffMillis = 0;
        quietRetries = 0;
        lastStates.clear();
        ConnectionState state = everConnected ? ConnectionState.RECONNECTED : ConnectionState.CONNECTED;
        everConnected = true;
        LOG.info("systemd client {} ({})", state.name().toLowerCase(java.util.Locale.ROOT),
                address == null ? "system bus" : address);
        fire(state);
        firstConnect.complete(null);
    }

    private void scheduleReconnect(long delayMillis) {
        if (closed) {
            return;
        }
        try {
            timer.schedule(() -> calls.execute(this::connectOrRetry), delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** On the calls thread: forget the current connection (after a loss or on close). */
    private void dropConnection(boolean lost) {
        DBusConnection conn = connection;
        connection = null;
        manager = null;
        generation++;
        if (conn != null) {
            try {
                conn.disconnect();
            } catch (RuntimeException e) {
                LOG.debug("disconnect: {}", e.toString());
            }
        }
        if (lost && conn != null) {
            jobs.failAll(new BusUnavailableException("lost the connection to systemd; job result unknown"));
            LOG.warn("systemd client disconnected; reconnecting");
            fire(ConnectionState.DISCONNECTED);
        }
    }

    private void lost(long gen) {
        if (closed) {
            return;
        }
        try {
            calls.execute(() -> {
                if (gen != generation || connection == null) {
                    return;
                }
                dropConnection(true);
                backoffMillis = 50;
                scheduleReconnect(backoffMillis);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void nameOwnerChanged(DBus.NameOwnerChanged s, long gen) {
        if (!SystemdManager.BUS_NAME.equals(s.name)) {
            return;
        }
        if (s.newOwner == null || s.newOwner.isEmpty()) {
            lost(gen);
        }
    }

    /** dbus-java's disconnect callbacks for one connection generation. */
    private final class Lost implements IDisconnectCallback {
        private final long gen;

        Lost(long gen) {
            this.gen = gen;
        }

        @Override
        public void disconnectOnError(java.io.IOException e) {
            lost(gen);
        }

        @Override
        public void exceptionOnTerminate(java.io.IOException e) {
            lost(gen);
        }
    }

    // ---------------------------------------------------------------- notifications

    private void propertiesChanged(Properties.PropertiesChanged s) {
        if (!UNIT_IFACE.equals(s.getInterfaceName())) {
            return;
        }
        String unit = UnitPaths.unitName(s.getPath());
        Map<String, Variant<?>> changed = s.getPropertiesChanged();
        if (unit == null || (!changed.containsKey("ActiveState") && !changed.containsKey("SubState"))) {
            return;
        }
        String active = changed.containsKey("ActiveState") ? str(changed, "ActiveState") : null;
        String sub = changed.containsKey("SubState") ? str(changed, "SubState") : null;
        events.execute(() -> {
            UnitStateChange before = lastStates.get(unit);
            UnitStateChange now = new UnitStateChange(unit,
                    active != null ? active : before == null ? "" : before.activeState(),
                    sub != null ? sub : before == null ? "" : before.subState());
            if (now.equals(before)) {
                return;
            }
            lastStates.put(unit, now);
            for (Consumer<UnitStateChange> l : unitListeners) {
                safely(() -> l.accept(now));
            }
        });
    }

    /**
     * Runs {@code r} on the events thread after everything handed to it before: job results pass through
     * here like state changes, so that both leave in the order they arrived.
     */
    private boolean inOrder(Runnable r) {
        try {
            events.execute(r);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false; // closing
        }
    }

    private void fire(ConnectionState state) {
        try {
            events.execute(() -> connectionListeners.forEach(l -> safely(() -> l.accept(state))));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("systemd client listener failed", e);
        }
    }

    /** systemd's ConditionResult: false after a failed condition, but also for a unit never started. */
    private static boolean conditionResult(Map<String, Variant<?>> all) {
        Variant<?> result = all.get("ConditionResult");
        return result == null || !Boolean.FALSE.equals(result.getValue());
    }

    private static String str(Map<String, Variant<?>> map, String key) {
        Variant<?> v = map.get(key);
        return v == null ? "" : String.valueOf(v.getValue());
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
