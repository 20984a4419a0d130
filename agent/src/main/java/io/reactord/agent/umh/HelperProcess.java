package io.reactord.agent.umh;

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
 * Runs one helper command: {@code /bin/sh -c COMMAND} with exactly the given environment (the parent's is
 * cleared), working directory {@code /}, stdin from {@code /dev/null}, stdout and stderr captured up to a
 * bound. The shell runs in a session and process group of its own (via {@code setsid}, when installed), so
 * on timeout the whole group is killed — also children that were re-parented away — and then every
 * remaining descendant (SIGKILL). Blocking: runs on a helper thread, never on the event loop.
 */
final class HelperProcess {
    static final int OUTPUT_LIMIT = 4096;
    private static final File DEV_NULL = new File("/dev/null");
    private static final String SETSID = firstExecutable("/usr/bin/setsid", "/bin/setsid");
    private static final String KILL = firstExecutable("/usr/bin/kill", "/bin/kill");

    /** How a run ended; {@code exitStatus} is null unless the command exited. */
    record Result(UmhRun.Outcome outcome, Integer exitStatus, Duration duration, String output) {}

    private HelperProcess() {}

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
