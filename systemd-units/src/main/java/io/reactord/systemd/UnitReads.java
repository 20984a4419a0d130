package io.reactord.systemd;

import io.reactord.systemd.dbus.SystemdManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.CallbackHandler;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * Unit state reads in bulk, on threads of their own so that they never delay a start or stop job (and a
 * status summary never delays a state read). Every unit
 * is in one {@code ListUnitsByNames} call (load, active and sub state); what that call lacks is read only
 * where it can differ from its default, with all calls in flight at once: the freezer state of running
 * units (a stopped unit has no processes to freeze) and the result of units that are neither active nor
 * inactive (starting or stopping resets it to success). Concurrent single-unit reads are merged into one
 * call.
 */
final class UnitReads {
    private static final String UNIT_IFACE = "org.freedesktop.systemd1.Unit";
    private static final long TIMEOUT_S = 30;

    private final Supplier<DBusConnection> connection;
    private final ExecutorService thread;
    /** Status summaries run here, so that a large one never delays a state read the promoters wait for. */
    private final ExecutorService bulk;
    /** Single-unit reads waiting for the next merged call (guarded by itself). */
    private final Map<String, List<CompletableFuture<UnitState>>> waiting = new LinkedHashMap<>();

    UnitReads(Supplier<DBusConnection> connection) {
        this.connection = connection;
        this.thread = Executors.newSingleThreadExecutor(r -> daemonThread(r, "reactord-systemd-reads"));
        this.bulk = Executors.newSingleThreadExecutor(r -> daemonThread(r, "reactord-systemd-summaries"));
    }

    /** One unit's load, active and sub state; reads asked for together become one call. */
    CompletableFuture<UnitState> basic(String unit) {
        CompletableFuture<UnitState> f = new CompletableFuture<>();
        boolean first;
        synchronized (waiting) {
            first = waiting.isEmpty();
            waiting.computeIfAbsent(unit, u -> new ArrayList<>()).add(f);
        }
        if (first) {
            submit(thread, this::drainWaiting, f);
        }
        return f;
    }

    /** The full summary of each unit, in the order asked. */
    CompletableFuture<List<UnitState>> summaries(List<String> units) {
        CompletableFuture<List<UnitState>> f = new CompletableFuture<>();
        submit(bulk, () -> {
            try {
                f.complete(details(list(units)));
            } catch (DBusException | RuntimeException e) {
                f.completeExceptionally(DBusErrors.translate(e, "read unit states", null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.completeExceptionally(new BusUnavailableException("systemd client closed"));
            }
        }, f);
        return f;
    }

    void close() {
        thread.shutdownNow();
        bulk.shutdownNow();
        synchronized (waiting) {
            waiting.values().forEach(l -> l.forEach(f -> f.completeExceptionally(new BusUnavailableException("systemd client closed"))));
            waiting.clear();
        }
    }

    private static Thread daemonThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void submit(ExecutorService on, Runnable r, CompletableFuture<?> f) {
        try {
            on.execute(r);
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new BusUnavailableException("systemd client closed"));
        }
    }

    private void drainWaiting() {
        Map<String, List<CompletableFuture<UnitState>>> batch;
        synchronized (waiting) {
            batch = new LinkedHashMap<>(waiting);
            waiting.clear();
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Listed> listed = list(new ArrayList<>(batch.keySet()));
            for (Listed l : listed) {
                UnitState s = new UnitState(l.info.name, l.info.loadState, l.info.activeState, l.info.subState, "", "", "");
                batch.remove(l.info.name).forEach(f -> f.complete(s));
            }
            SystemdException missing = new SystemdException("systemd did not list the unit");
            batch.values().forEach(l -> l.forEach(f -> f.completeExceptionally(missing)));
        } catch (DBusException | RuntimeException e) {
            SystemdException why = DBusErrors.translate(e, "read unit states", null);
            batch.values().forEach(l -> l.forEach(f -> f.completeExceptionally(why)));
        }
    }

    private record Listed(SystemdManager.UnitInfo info, Properties props) {}

    private List<Listed> list(List<String> units) throws DBusException {
        DBusConnection c = connection.get();
        if (c == null) {
            throw new BusUnavailableException("not connected to systemd (reconnecting)");
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(units));
        SystemdManager m = c.getRemoteObject(SystemdManager.BUS_NAME, SystemdManager.OBJECT_PATH, SystemdManager.class);
        Map<String, Listed> byName = new LinkedHashMap<>();
        for (SystemdManager.UnitInfo i : listUnitsByNames(c, m, distinct)) {
            byName.put(i.name, new Listed(i, null));
        }
        List<Listed> out = new ArrayList<>();
        for (String u : units) {
            Listed l = byName.get(u);
            if (l != null) {
                out.add(new Listed(l.info, c.getRemoteObject(SystemdManager.BUS_NAME, l.info.path.getPath(), Properties.class)));
            }
        }
        return out;
    }

    /** {@code ListUnitsByNames}, or (systemd before 227 lacks it) {@code LoadUnit} and the unit's properties one by one. */
    private static List<SystemdManager.UnitInfo> listUnitsByNames(DBusConnection c, SystemdManager m, List<String> units)
            throws DBusException {
        try {
            return m.ListUnitsByNames(units);
        } catch (org.freedesktop.dbus.errors.UnknownMethod e) {
            List<SystemdManager.UnitInfo> out = new ArrayList<>();
            for (String u : units) {
                org.freedesktop.dbus.DBusPath path = m.LoadUnit(u);
                Map<String, Variant<?>> p = c.getRemoteObject(SystemdManager.BUS_NAME, path.getPath(), Properties.class).GetAll(UNIT_IFACE);
                out.add(new SystemdManager.UnitInfo(u, "", text(p, "LoadState"), text(p, "ActiveState"), text(p, "SubState"), "", path,
                        new org.freedesktop.dbus.types.UInt32(0), "", new org.freedesktop.dbus.DBusPath("/")));
            }
            return out;
        }
    }

    private static String text(Map<String, Variant<?>> p, String key) {
        Variant<?> v = p.get(key);
        return v == null ? "" : String.valueOf(v.getValue());
    }

    private List<UnitState> details(List<Listed> units) throws InterruptedException {
        DBusConnection c = connection.get();
        List<CompletableFuture<String>> freezer = new ArrayList<>();
        List<CompletableFuture<String>> result = new ArrayList<>();
        for (Listed l : units) {
            String active = l.info.activeState;
            boolean running = !"inactive".equals(active) && !"failed".equals(active) && !"not-found".equals(l.info.loadState);
            freezer.add(running ? get(c, l.props, UNIT_IFACE, "FreezerState") : CompletableFuture.completedFuture("running"));
            String iface = SystemdNames.resultInterface(l.info.name);
            if (iface == null) {
                result.add(CompletableFuture.completedFuture(""));
            } else if ("active".equals(active) || "inactive".equals(active)) {
                result.add(CompletableFuture.completedFuture("success"));
            } else {
                result.add(get(c, l.props, iface, "Result"));
            }
        }
        List<UnitState> out = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            SystemdManager.UnitInfo in = units.get(i).info;
            out.add(new UnitState(in.name, in.loadState, in.activeState, in.subState, await(freezer.get(i)), "",
                    await(result.get(i))));
        }
        return out;
    }

    private static String await(CompletableFuture<String> f) throws InterruptedException {
        try {
            return f.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return ""; // one property that could not be read is left empty, not the whole report
        }
    }

    /** {@code Properties.Get} without waiting for the answer before sending the next. */
    private static CompletableFuture<String> get(DBusConnection c, Properties props, String iface, String name) {
        CompletableFuture<String> f = new CompletableFuture<>();
        c.callWithCallback(props, "Get", new CallbackHandler<Object>() {
            @Override
            public void handle(Object r) {
                f.complete(String.valueOf(r instanceof Variant<?> v ? v.getValue() : r));
            }

            @Override
            public void handleError(DBusExecutionException e) {
                f.completeExceptionally(e);
            }
        }, iface, name);
        return f;
    }
}
