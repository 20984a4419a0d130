package io.reactord.ctl.status;

import io.reactord.agent.control.ControlClient;
import io.reactord.agent.status.DaemonState;
import io.reactord.agent.status.DrbdSnapshot;
import io.reactord.agent.status.StatusCollector;
import io.reactord.agent.status.StatusRun;
import io.reactord.agent.control.status.Terminal;
import io.reactord.agent.files.ConfigFiles;
import io.reactord.ctl.ExitCodes;
import io.reactord.systemd.Systemctl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * {@code reactorctl status} gathered by reactorctl itself: the configuration, {@code systemctl show},
 * {@code drbdsetup events2 --now} and whatever the daemon still answers. The {@code status} command and the
 * quick path without a daemon both run it, so both print the same. drbdsetup starts before the configuration
 * is parsed, as the main file's top level names it (again if the configuration says otherwise).
 */
public final class LocalStatus {
    private static final long DRBD_TIMEOUT_MS = 3000;

    private LocalStatus() {}

    /** Prints the report; returns the exit code. A failure outside the report is one line on stderr. */
    public static int run(Path main, List<String> files, List<String> resources, boolean verbose, boolean json,
            Systemctl systemctl, Terminal terminal, PrintStream out, PrintStream err) {
        if (!java.nio.file.Files.exists(main)) {
            err.println("reactorctl status: no configuration: " + main + " does not exist, so no resource is managed here."
                    + " Install the package (it ships one) or create it (README: \"Install on a DRBD node\"), or name another"
                    + " main file with -c FILE");
            err.flush();
            return ExitCodes.FAILURE;
        }
        String drbdsetup = ConfigFiles.topLevel(main).getOrDefault("drbdsetup", "drbdsetup");
        FutureTask<DrbdSnapshot> drbd = background("reactorctl-drbd", () -> DrbdSnapshot.take(drbdsetup, DRBD_TIMEOUT_MS));
        ConfigFiles cfg = ConfigFiles.load(main);
        ControlClient daemon = new ControlClient(cfg.socket(), Duration.ofSeconds(2));
        StatusCollector collector = new StatusCollector(cfg, systemctl, () -> cfg.drbdsetup().equals(drbdsetup)
                ? StatusCollector.result(drbd) : DrbdSnapshot.take(cfg.drbdsetup(), DRBD_TIMEOUT_MS), DaemonState.over(daemon));
        StatusRun.Output o = StatusRun.run(collector, files, resources, verbose, json, terminal);
        out.print(o.stdout());
        err.print(o.stderr());
        out.flush();
        err.flush();
        return o.exit();
    }

    private static <T> FutureTask<T> background(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** The quick path's form: every resource of the files given, from the environment's systemctl and terminal. */
    static int run(Path main, List<String> files, boolean json, boolean verbose, PrintStream out, PrintStream err) {
        try {
            return run(main, files, List.of(), verbose, json, Systemctl.fromEnvironment(), Terminal.detect(), out, err);
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("reactorctl status: " + msg.replaceAll("[\\r\\n]+", " "));
            err.flush();
            return ExitCodes.FAILURE;
        }
    }
}
