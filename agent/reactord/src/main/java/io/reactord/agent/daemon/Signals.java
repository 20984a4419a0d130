package io.reactord.agent.daemon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The one place that handles signals. Every catchable signal whose default would stop or kill the daemon is
 * handled or ignored on purpose:
 *
 * <ul>
 *   <li>{@code SIGTERM}, {@code SIGINT}: stop ({@link Daemon#stop()});</li>
 *   <li>{@code SIGHUP}: reload the configuration, on a thread of its own;</li>
 *   <li>{@code SIGUSR1}: log the running configuration;</li>
 *   <li>{@code SIGPIPE}: ignored silently (a write to a closed pipe or socket fails with an error instead);</li>
 *   <li>{@code SIGUSR2}, {@code SIGALRM}, {@code SIGVTALRM}, {@code SIGPROF}, {@code SIGIO}, {@code SIGPWR},
 *       {@code SIGSTKFLT}, {@code SIGXFSZ}, {@code SIGTSTP}, {@code SIGTTIN}, {@code SIGTTOU}: logged and
 *       ignored (by default they would end or stop the process, and an HA agent must not die or stop of a
 *       stray signal).</li>
 * </ul>
 *
 * Left alone on purpose: {@code SIGQUIT} (the JVM prints a thread dump, the way to see a stuck loop),
 * {@code SIGCHLD}, {@code SIGWINCH}, {@code SIGURG}, {@code SIGCONT} (ignored by default; the JVM reaps its
 * children itself), and the fault signals and {@code SIGXCPU}, {@code SIGSYS}, {@code SIGABRT}, {@code SIGTRAP}
 * (a crash; systemd restarts the daemon and it adopts what runs).
 */
public final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    /** Signals that are logged and otherwise ignored. */
    static final List<String> IGNORED = List.of("USR2", "ALRM", "VTALRM", "PROF", "IO", "PWR", "STKFLT", "XFSZ",
            "TSTP", "TTIN", "TTOU");

    /** The signals the JVM leaves ignored when they were ignored at exec: it does not install a handler for them. */
    static final List<String> KEPT_IGNORED = List.of("HUP", "INT", "TERM");

    /** What the handled signals do. */
    public interface Actions {
        void stop();

        void reload();

        void dumpConfiguration();
    }

    private Signals() {}

    /** The handler of every signal {@link #install} takes care of, by name (without SIG). */
    static Map<String, SignalHandler> handlers(Actions a) {
        Map<String, SignalHandler> m = new LinkedHashMap<>();
        m.put("TERM", s -> {
            LOG.info("SIGTERM: stopping");
            a.stop();
        });
        m.put("INT", s -> {
            LOG.info("SIGINT: stopping");
            a.stop();
        });
        m.put("HUP", s -> {
            LOG.info("SIGHUP: reloading the configuration");
            Thread t = new Thread(a::reload, "reactord-reload");
            t.setDaemon(true);
            t.start();
        });
        m.put("USR1", s -> a.dumpConfiguration());
        m.put("PIPE", SignalHandler.SIG_IGN);
        for (String name : IGNORED) {
            m.put(name, s -> LOG.info("SIG{} received: ignored", name));
        }
        return m;
    }

    /** Installs the handlers; returns the names of the signals this JVM would not let it handle (logged). */
    public static List<String> install(Actions a) {
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, SignalHandler> e : handlers(a).entrySet()) {
            try {
                SignalHandler old = Signal.handle(new Signal(e.getKey()), e.getValue());
                if (old == SignalHandler.SIG_IGN && KEPT_IGNORED.contains(e.getKey())) {
                    // the JVM keeps HUP, INT and TERM ignored when they were ignored at exec (nohup, some shells)
                    refused.add(e.getKey());
                }
            } catch (IllegalArgumentException ex) {
                refused.add(e.getKey());
            }
        }
        if (!refused.isEmpty()) {
            LOG.warn("signals: cannot handle SIG{} in this JVM (ignored by the process that started it, e.g. nohup, or"
                    + " reserved); they keep their current action: a reload by SIGHUP or a stop by SIGTERM may do nothing."
                    + " Start reactord from systemd (systemctl start reactord)", String.join(", SIG", refused));
        }
        return refused;
    }
}
