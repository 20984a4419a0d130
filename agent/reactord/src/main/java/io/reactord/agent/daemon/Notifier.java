package io.reactord.agent.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The systemd notification protocol ({@code sd_notify}): {@code READY=1}, {@code STATUS=…} and
 * {@code WATCHDOG=1}, sent in order on a thread of its own. The JDK cannot send on a UNIX datagram socket,
 * so each message is a {@code systemd-notify VAR=VALUE…} child (waiting until the manager has read it), which
 * is why the unit needs {@code NotifyAccess=all}. Without {@code NOTIFY_SOCKET} nothing is sent.
 */
final class Notifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    static final int MAX_STATUS = 200;

    /** Sends one message (its assignments); returns the exit status, 0 for success. Blocking. */
    @FunctionalInterface
    interface Transport {
        int send(List<String> assignments);
    }

    private final Transport transport;
    private final ExecutorService out = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reactord-notify");
        t.setDaemon(true);
        return t;
    });
    private String lastStatus;
    private boolean warned;

    Notifier(Transport transport) {
        this.transport = transport;
    }

    /** The notifier for this process's environment: {@code systemd-notify} when {@code NOTIFY_SOCKET} is set. */
    static Notifier fromEnvironment(Map<String, String> env, ChildProcesses children) {
        if (env.get("NOTIFY_SOCKET") == null) {
            return new Notifier(null);
        }
        return new Notifier(a -> {
            List<String> argv = new ArrayList<>();
            argv.add("systemd-notify");
            argv.addAll(a);
            return children.runNow(argv);
        });
    }

    boolean enabled() {
        return transport != null;
    }

    /** {@code READY=1} with the current status. */
    synchronized void ready(String status) {
        lastStatus = clean(status);
        send(List.of("READY=1", "STATUS=" + lastStatus));
    }

    /** {@code STATUS=…} when it differs from the last one sent. */
    synchronized void status(String status) {
        String s = clean(status);
        if (!s.equals(lastStatus)) {
            lastStatus = s;
            send(List.of("STATUS=" + s));
        }
    }

    /** The last status text (also when nothing is sent). */
    synchronized String lastStatus() {
        return lastStatus;
    }

    /** {@code STOPPING=1}: the daemon is shutting down. */
    synchronized void stopping() {
        lastStatus = "stopping";
        send(List.of("STOPPING=1", "STATUS=stopping"));
    }

    /** {@code WATCHDOG=1}: the event loop is alive. */
    void watchdog() {
        send(List.of("WATCHDOG=1"));
    }

    /**
     * How often to send {@code WATCHDOG=1}: half of {@code WATCHDOG_USEC}, or null when the service has no
     * watchdog (or {@code WATCHDOG_PID} names another process).
     */
    static Duration watchdogInterval(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        String wpid = env.get("WATCHDOG_PID");
        if (usec == null || (wpid != null && !wpid.strip().equals(String.valueOf(pid)))) {
            return null;
        }
        try {
            long us = Long.parseLong(usec.strip());
            return us <= 0 ? null : Duration.ofNanos(us * 500);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One line, no control characters, at most {@link #MAX_STATUS} characters. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_STATUS + 3));
        for (int i = 0; i < s.length() && b.length() < MAX_STATUS; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (s.length() > MAX_STATUS) {
            b.append("...");
        }
        return b.toString();
    }

    private void send(List<String> assignments) {
        if (transport == null) {
            return;
        }
        try {
            out.execute(() -> {
                int rc = transport.send(assignments);
                if (rc != 0 && !warned) {
                    warned = true;
                    LOG.warn("systemd-notify {} failed (status {}); the unit needs NotifyAccess=all (logged once)",
                            assignments.get(0), rc);
                }
            });
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    @Override
    public void close() {
        out.shutdown();
    }
}
