package io.reactord.agent.replay;

import io.reactord.agent.core.AgentCore;
import io.reactord.agent.core.CommandListener;
import io.reactord.agent.core.JournalSink;
import io.reactord.agent.promoter.Command;
import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.agent.time.VirtualScheduler;
import java.io.BufferedReader;
import io.reactord.events2.LineFramer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Feeds an events2 stream through a real {@link AgentCore} on virtual time. Time comes from {@code
 * --timestamps} prefixes, relative to the first stamped line (0 without stamps). After the last line,
 * pending timers run until none is left (at most {@link #DRAIN_LIMIT_MS} past the last line), so a start
 * scheduled at the end is still reported. Lines starting with {@code #} and blank lines are skipped. Lines
 * reach the parser as bytes ({@link #run(InputStream, Consumer)}).
 */
public final class Replayer {
    /** How far past the last line pending timers are still run. */
    public static final long DRAIN_LIMIT_MS = 3_600_000L;
    /** A line still going after this many bytes ends the run: the input is not an events2 capture. */
    public static final long ABANDON_BYTES = 64L << 20;

    private final VirtualScheduler clock = new VirtualScheduler();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final AgentCore core;
    private final Stamps stamps = new Stamps();
    private long skipped;

    public Replayer(Map<String, PromoterSettings> resources, Consumer<ReplayedCommand> out, JournalSink journal) {
        CommandListener listener = (t, res, c) -> {
            ReplayedCommand rc = toReplayed(t, res, c);
            if (rc != null) {
                out.accept(rc);
            }
        };
        SucceedingUnits units = new SucceedingUnits();
        this.core = new AgentCore(clock, queue::add, units, journal, listener);
        units.cluster(core.cluster());
        core.setResources(resources);
        drain();
    }

    /**
     * Feeds every line of {@code in} (UTF-8 bytes, read in blocks and handed to the parser as bytes), then
     * runs the remaining timers. A line longer than {@link LineFramer#DEFAULT_MAX_LINE} bytes is skipped, as
     * the daemon drops it, and reported to {@code warnings} once, at its end; one that is still going after
     * {@link #ABANDON_BYTES} is not an events2 capture ({@code /dev/zero}): the run stops with an
     * {@link IOException} saying so. The input is never held whole.
     */
    public void run(InputStream in, Consumer<String> warnings) throws IOException {
        LineFramer framer = new LineFramer(LineFramer.DEFAULT_MAX_LINE, new LineFramer.Sink() {
            @Override
            public void line(byte[] buf, int from, int to) {
                feed(buf, from, to);
            }

            @Override
            public void overlong(long number, long length) {
                skipped++;
                warnings.accept("line " + number + ": " + length + " bytes, longer than "
                        + LineFramer.DEFAULT_MAX_LINE + ": skipped");
            }
        });
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) != -1) {
            framer.accept(buf, 0, n);
            if (framer.dropping() > ABANDON_BYTES) {
                throw new IOException("line " + (framer.lines() + 1) + " is longer than " + (ABANDON_BYTES >> 20)
                        + " MiB without a line end: not an events2 capture");
            }
        }
        framer.end();
        finish();
    }

    /** Feeds every line of {@code in}, then runs the remaining timers (tests and callers with text). */
    public void run(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            feed(line);
        }
        finish();
    }

    /** Lines skipped by {@link #run(InputStream, Consumer)} for being too long. */
    public long skipped() {
        return skipped;
    }

    /** Feeds one line at the time its timestamp says (or the current time). */
    public void feed(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        feed(b, 0, b.length);
    }

    /** Feeds the line {@code buf[from, to)} (UTF-8, copied by the parser) at the time its timestamp says. */
    public void feed(byte[] buf, int from, int to) {
        int first = from;
        while (first < to && (buf[first] == ' ' || buf[first] == '\t' || buf[first] == '\r')) {
            first++;
        }
        if (first == to || buf[first] == '#') {
            return;
        }
        long t = stamps.millisOf(buf, from, to);
        if (t >= 0) {
            advanceTo(t);
        }
        core.onLine(buf, from, to);
        drain();
    }

    /** Runs the timers still pending, up to {@link #DRAIN_LIMIT_MS} past the current time. */
    public void finish() {
        long limit = clock.millis() + DRAIN_LIMIT_MS;
        long next;
        while ((next = clock.nextDue()) >= 0 && next <= limit) {
            advanceTo(next);
        }
    }

    private void advanceTo(long t) {
        long next;
        while ((next = clock.nextDue()) >= 0 && next <= t) {
            clock.advanceTo(next);
            drain();
        }
        clock.advanceTo(t);
        drain();
    }

    private void drain() {
        Runnable r;
        int guard = 0;
        while ((r = queue.poll()) != null) {
            r.run();
            if (++guard > 10_000_000) {
                throw new IllegalStateException("replay does not settle");
            }
        }
    }

    public AgentCore core() {
        return core;
    }

    public long nowMs() {
        return clock.millis();
    }

    static ReplayedCommand toReplayed(long t, String res, Command c) {
        if (c instanceof Command.Start) {
            Command.Start s = (Command.Start) c;
            return new ReplayedCommand(t, res, "start", s.unit(), s.reason());
        } else if (c instanceof Command.Stop) {
            Command.Stop s = (Command.Stop) c;
            return new ReplayedCommand(t, res, "stop", s.unit(), s.reason());
        } else if (c instanceof Command.Freeze) {
            Command.Freeze s = (Command.Freeze) c;
            return new ReplayedCommand(t, res, "freeze", s.unit(), s.reason());
        } else if (c instanceof Command.Thaw) {
            Command.Thaw s = (Command.Thaw) c;
            return new ReplayedCommand(t, res, "thaw", s.unit(), s.reason());
        }
        return null;
    }
}
