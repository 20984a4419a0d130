package io.reactord.agent.umh;

import io.reactord.systemd.TransientRun;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one helper command, {@code /bin/sh -c COMMAND}, in one of two ways. Blocking: runs on a helper
 * thread, never on the event loop.
 *
 * <p>Under systemd ({@link TransientRun}): as a transient service of the manager, so outside reactord's
 * sandbox, with the given variables added to the manager's environment, output in the journal under
 * the unit's name ({@code reactord-umh-…}), and on timeout systemd kills the unit's whole cgroup —
 * descendants that left the process group included. When the unit cannot be created (no manager
 * reachable) it falls back to the direct way.
 *
 * <p>Directly: with exactly the given environment (the parent's is cleared), working directory {@code /},
 * stdin from {@code /dev/null}, stdout and stderr captured up to a bound. The shell runs in a session and
 * process group of its own (via {@code setsid}, when installed), so on timeout the whole group is killed —
 * also children that were re-parented away — and then every remaining descendant (SIGKILL).
 */
final class HelperProcess {
    static final int OUTPUT_LIMIT = 4096;
    private static final File DEV_NULL = new File("/dev/null");
    private static final String SETSID = firstExecutable("/usr/bin/setsid", "/bin/setsid");
    private static final String KILL = firstExecutable("/usr/bin/kill", "/bin/kill");

    /** How a run ended; {@code exitStatus} is null unless the command exited. */
    record Result(UmhRun.Outcome outcome, Integer exitStatus, Duration duration, String output) {}

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HelperProcess.class);
    private static final java.util.concurrent.atomic.AtomicLong SEQ = new java.util.concurrent.atomic.AtomicLong();
    private static final String UNIT_TAG = Long.toHexString(ProcessHandle.current().pid());

    private HelperProcess() {}

    /** Runs {@code command} as a transient unit when {@code viaSystemd} is set and works, else directly. */
    static Result run(String command, Map<String, String> env, Duration timeout, TransientRun viaSystemd) {
        if (viaSystemd != null) {
            Result r = runTransient(viaSystemd, command, env, timeout);
            if (r != null) {
                return r;
            }
        }
        return run(command, env, timeout);
    }

    /** Null when no unit could be created (the caller then spawns directly). */
    static Result runTransient(TransientRun t, String command, Map<String, String> env, Duration timeout) {
        long t0 = System.nanoTime();
        String unit = "reactord-umh-" + UNIT_TAG + "-" + SEQ.incrementAndGet() + ".service";
        List<String> argv = t.argv(unit, "reactord umh helper", env, timeout, List.of("/bin/sh", "-c", command));
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(argv);
            pb.environment().putAll(t.clientEnv());
            pb.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
            pb.redirectErrorStream(true);
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            LOG.warn("umh: cannot run {}: {}; running the helper directly", t.systemdRun(), e.getMessage());
            return null;
        }
        Drain drain = new Drain(p.getInputStream());
        Thread drainer = new Thread(drain, "umh-systemd-run-" + p.pid());
        drainer.setDaemon(true);
        drainer.start();
        try {
            // systemd enforces the timeout (RuntimeMaxSec=); this bound only guards against a stuck systemd-run
            boolean done = timeout == null ? waitForever(p) : p.waitFor(timeout.toSeconds() + 30, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
                return new Result(UmhRun.Outcome.TIMED_OUT, null, since(t0), "systemd-run did not return; unit " + unit);
            }
            drainer.join(200);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(UmhRun.Outcome.TIMED_OUT, null, since(t0), "interrupted; unit " + unit);
        }
        TransientRun.Report rep = TransientRun.parse(p.exitValue(), drain.text());
        if (!rep.started()) {
            LOG.warn("umh: systemd-run could not start {} ({}); running the helper directly", unit,
                    drain.text().strip().replace('\n', ' '));
            return null;
        }
        String where = "output in the journal: journalctl -u " + unit;
        if (rep.timedOut()) {
            return new Result(UmhRun.Outcome.TIMED_OUT, null, since(t0), where);
        }
        return new Result(UmhRun.Outcome.EXITED, rep.exitStatus(), since(t0), where);
    }

    private static boolean waitForever(Process p) throws InterruptedException {
        p.waitFor();
        return true;
    }

    static Result run(String command, Map<String, String> env, Duration timeout) {
        long t0 = System.nanoTime();
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(SETSID == null ? List.of("/bin/sh", "-c", command)
                    : List.of(SETSID, "-w", "/bin/sh", "-c", command));
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.directory(new File("/"));
            pb.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
            pb.redirectErrorStream(true);
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            // RuntimeException: a value execve cannot carry (NUL), refused by ProcessBuilder
            return new Result(UmhRun.Outcome.FAILED_TO_START, null, since(t0), String.valueOf(e.getMessage()));
        }
        Drain drain = new Drain(p.getInputStream());
        Thread drainer = new Thread(drain, "umh-output-" + p.pid());
        drainer.setDaemon(true);
        drainer.start();
        try {
            boolean done;
            if (timeout == null) {
                p.waitFor();
                done = true;
            } else {
                done = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (!done) {
                killTree(p);
                p.waitFor(5, TimeUnit.SECONDS);
                drainer.join(200);
                return new Result(UmhRun.Outcome.TIMED_OUT, null, since(t0), drain.text());
            }
            drainer.join(200);
            return new Result(UmhRun.Outcome.EXITED, p.exitValue(), since(t0), drain.text());
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            return new Result(UmhRun.Outcome.TIMED_OUT, null, since(t0), drain.text());
        }
    }

    /**
     * Kills the helper's process group when it leads one, then the descendants still attached (so none is
     * re-parented unseen), then the shell.
     */
    static void killTree(Process p) {
        long pid = p.pid();
        if (KILL != null && processGroup(pid) == pid) {
            try {
                Process k = new ProcessBuilder(KILL, "-KILL", "--", "-" + pid).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                k.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // fall back to the descendants below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** The process group of a live process from {@code /proc/PID/stat}, or -1. */
    static long processGroup(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String firstExecutable(String... paths) {
        for (String p : paths) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(p))) {
                return p;
            }
        }
        return null;
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Reads a pipe to its end, keeping the first {@link #OUTPUT_LIMIT} bytes. */
    private static final class Drain implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Drain(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (kept) {
                        int room = OUTPUT_LIMIT - kept.size();
                        if (room > 0) {
                            kept.write(buf, 0, Math.min(room, n));
                        }
                    }
                }
            } catch (IOException e) {
                // the pipe closed under us: keep what was read
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
