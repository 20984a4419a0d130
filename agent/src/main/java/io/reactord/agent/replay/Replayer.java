package io.reactord.agent.replay;

import io.reactord.agent.core.AgentCore;
import io.reactord.agent.core.CommandListener;
import io.reactord.agent.core.JournalSink;
import io.reactord.agent.promoter.Command;
import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.agent.time.VirtualScheduler;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Feeds an events2 stream through a real {@link AgentCore} on virtual time. Time comes from {@code
 * --timestamps} prefixes, relative to the first stamped line (0 without stamps). After the last line,
 * pending timers run until none is left (at most {@link #DRAIN_LIMIT_MS} past the last line), so a start
 * scheduled at the end is still reported. Lines starting with {@code #} and blank lines are skipped.
 */
public final class Replayer {
    /** How far past the last line pending timers are still run. */
    public static final long DRAIN_LIMIT_MS = 3_600_000L;

    private final VirtualScheduler clock = new VirtualScheduler();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final AgentCore core;
    private Long firstStampMicros;

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

    /** Feeds every line of {@code in}, then runs the remaining timers. */
    public void run(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            feed(line);
        }
        finish();
    }

    /** Feeds one line at the time its timestamp says (or the current time). */
    public void feed(String line) {
        if (line.isBlank() || line.startsWith("#")) {
            return;
        }
        long t = timeOf(line);
        if (t >= 0) {
            advanceTo(t);
        }
        core.onLine(line);
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

    /** Milliseconds since the first stamped line, or -1 for a line without a stamp. */
    private long timeOf(String line) {
        int sp = line.indexOf(' ');
        if (sp < 20 || !Character.isDigit(line.charAt(0))) {
            return -1;
        }
        try {
            OffsetDateTime ts = OffsetDateTime.parse(line.substring(0, sp));
            long micros = ts.toEpochSecond() * 1_000_000L + ts.getNano() / 1000;
            if (firstStampMicros == null) {
                firstStampMicros = micros;
            }
            return Math.max(0, (micros - firstStampMicros) / 1000);
        } catch (DateTimeParseException e) {
            return -1;
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
