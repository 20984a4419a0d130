package io.reactord.agent.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import io.reactord.events2.LineFramer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code drbdsetup events2 --full --poll} as a child process on a supervisor thread and restarts
 * it with exponential backoff (1 s doubling to 30 s; back to 1 s after a stream that lived a minute)
 * whenever it exits or is abandoned. Lines reach the sink as bytes; lines longer than {@link #MAX_LINE} bytes
 * are dropped without being buffered whole (logged once) and reported as an unparsable line. The child's stderr is
 * logged; its last line is part of the reason an ended stream reports ({@code drbdsetup events2 exited with status
 * 20: …}).
 */
public final class Events2Process implements EventSource {
    private static final Logger LOG = LoggerFactory.getLogger(Events2Process.class);
    /** Longest accepted line; real events2 lines are a few hundred bytes. */
    public static final int MAX_LINE = LineFramer.DEFAULT_MAX_LINE;
    /** What an over-long line is reported as: a line that never parses (an unknown action). */
    static final byte[] OVERLONG = "\u0000overlong line dropped".getBytes(StandardCharsets.UTF_8);
    static final long BACKOFF_INITIAL_MS = 1000;
    static final long BACKOFF_MAX_MS = 30_000;
    static final long HEALTHY_MS = 60_000;

    private final List<String> argv;
    private final Thread supervisor;
    private Sink sink;
    private volatile Process process;
    private volatile OutputStream stdin;
    private volatile String abandonReason;
    private volatile String lastStderr;
    private volatile boolean closed;
    private volatile boolean warnedOverlong;

    /** @param argv the command, e.g. {@code [drbdsetup, events2, --full, --poll]} */
    public Events2Process(List<String> argv) {
        this.argv = List.copyOf(argv);
        this.supervisor = new Thread(this::supervise, "reactord-events2");
        this.supervisor.setDaemon(true);
    }

    /** The standard command for a {@code drbdsetup} binary. */
    public static List<String> command(String drbdsetup) {
        return List.of(drbdsetup, "events2", "--full", "--poll");
    }

    @Override
    public void start(Sink s) {
        this.sink = s;
        supervisor.start();
    }

    private void supervise() {
        long backoff = BACKOFF_INITIAL_MS;
        boolean restart = false;
        while (!closed) {
            long t0 = System.nanoTime();
            String why = runOnce(restart);
            if (closed) {
                return;
            }
            restart = true;
            long lived = (System.nanoTime() - t0) / 1_000_000;
            if (lived >= HEALTHY_MS) {
                backoff = BACKOFF_INITIAL_MS;
            }
            sink.streamLost(why);
            LOG.warn("events2: {}; restarting in {} ms", why, backoff);
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(BACKOFF_MAX_MS, backoff * 2);
        }
    }

    /** Runs one child to its end; returns why it ended. */
    private String runOnce(boolean restart) {
        abandonReason = null;
        lastStderr = null;
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(false).start();
        } catch (IOException e) {
            return "cannot run " + String.join(" ", argv) + ": " + e.getMessage();
        }
        process = p;
        stdin = p.getOutputStream();
        LOG.info("events2: started {} (pid {})", String.join(" ", argv), p.pid());
        Thread err = new Thread(() -> drainStderr(p), "reactord-events2-stderr");
        err.setDaemon(true);
        err.start();
        sink.streamStarting(restart);
        try (InputStream in = p.getInputStream()) {
            readLines(in, sink);
        } catch (IOException e) {
            LOG.debug("events2: read error: {}", e.toString());
        }
        p.destroy();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String reason = abandonReason;
        if (reason != null) {
            return reason;
        }
        if (p.isAlive()) {
            return "events2 output ended";
        }
        try {
            err.join(1000); // its last words, for the reason
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String last = lastStderr;
        return "drbdsetup events2 exited with status " + p.exitValue() + (last == null ? "" : ": " + last);
    }

    /** Reads the child's stdout in blocks and hands each line to the sink as bytes ({@link LineFramer}). */
    void readLines(InputStream in, Sink out) throws IOException {
        LineFramer framer = new LineFramer(MAX_LINE, new LineFramer.Sink() {
            @Override
            public void line(byte[] buf, int from, int to) {
                out.line(Arrays.copyOfRange(buf, from, to));
            }

            @Override
            public void overlong(long number, long length) {
                if (!warnedOverlong) {
                    warnedOverlong = true;
                    LOG.warn("events2: dropped a line of {} bytes, longer than {} (logged once)", length, MAX_LINE);
                }
                out.line(OVERLONG.clone());
            }
        });
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) != -1) {
            framer.accept(buf, 0, n);
        }
        framer.end();
    }

    private void drainStderr(Process p) {
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    lastStderr = line.length() > 200 ? line.substring(0, 200) + "..." : line;
                }
                if (n++ < 100) {
                    LOG.warn("drbdsetup events2: {}", line.length() > 500 ? line.substring(0, 500) + "..." : line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void poll() {
        OutputStream o = stdin;
        if (o == null) {
            return;
        }
        synchronized (this) {
            try {
                o.write('n');
                o.write('\n');
                o.flush();
            } catch (IOException e) {
                LOG.debug("events2: poll write failed: {}", e.toString());
            }
        }
    }

    @Override
    public void restart(String why) {
        abandonReason = why;
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    /** The current child's pid, or -1. */
    public long pid() {
        Process p = process;
        return p == null || !p.isAlive() ? -1 : p.pid();
    }

    @Override
    public void close() {
        closed = true;
        Process p = process;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        supervisor.interrupt();
    }
}
