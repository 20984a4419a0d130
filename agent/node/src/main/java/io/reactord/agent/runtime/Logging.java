package io.reactord.agent.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.reactord.config.LogConfig;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Logback configured in code (no logback.xml): one console appender on stderr writing {@link LineLayout} lines.
 * Under systemd ({@code JOURNAL_STREAM} set) lines carry no timestamp, journald adds it.
 */
public final class Logging {
    private Logging() {}

    /** True when stderr goes to the journal. */
    public static boolean underJournal() {
        String js = System.getenv("JOURNAL_STREAM");
        return js != null && !js.isEmpty();
    }

    /** Configures the root logger at {@code level} ("error", "warn", "info", "debug", "trace"). */
    public static void configure(String level) {
        install((LoggerContext) LoggerFactory.getILoggerFactory(), level);
    }

    /**
     * Applies the configuration's {@code [[log]]} tables (main file and snippets, as drbd-reactor):
     * one appender per table, standard error or its {@code file} (appended, with timestamps), each
     * passing events at its own {@code level} and above. Returns one line per file that cannot be
     * opened; those tables are skipped, and without any working table standard error at info is kept.
     */
    public static List<String> apply(List<LogConfig> logs) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        List<String> problems = new ArrayList<>();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level most = Level.OFF;
        int n = 0;
        for (LogConfig l : logs) {
            Level level = Level.toLevel(l.level(), Level.INFO);
            OutputStreamAppender<ILoggingEvent> app;
            if (l.file() == null) {
                app = console(ctx, encoder(ctx, !underJournal()));
            } else {
                FileAppender<ILoggingEvent> f = new FileAppender<>();
                f.setContext(ctx);
                f.setFile(l.file().toString());
                f.setAppend(true);
                f.setEncoder(encoder(ctx, true));
                app = f;
            }
            app.setName("log" + n++);
            ThresholdFilter threshold = new ThresholdFilter();
            threshold.setLevel(level.toString());
            threshold.start();
            app.addFilter(threshold);
            app.start();
            if (!app.isStarted()) {
                problems.add("[[log]] file " + l.file() + " cannot be opened for writing; that log table is skipped");
                continue;
            }
            root.addAppender(app);
            if (level.toInt() < most.toInt()) most = level;
        }
        if (most == Level.OFF && logs.stream().noneMatch(l -> Level.toLevel(l.level(), Level.INFO) == Level.OFF)) {
            install(ctx, "info");
            return problems;
        }
        root.setLevel(most);
        quietDbus(ctx, root);
        return problems;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext ctx, boolean timestamps) {
        LineLayout layout = new LineLayout(timestamps);
        layout.setContext(ctx);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> enc = new LayoutWrappingEncoder<>();
        enc.setContext(ctx);
        enc.setLayout(layout);
        enc.start();
        return enc;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext ctx, LayoutWrappingEncoder<ILoggingEvent> enc) {
        ConsoleAppender<ILoggingEvent> app = new ConsoleAppender<>();
        app.setContext(ctx);
        app.setName("stderr");
        app.setTarget("System.err");
        app.setEncoder(enc);
        return app;
    }

    /** Replaces whatever {@code ctx} had with our stderr appender at {@code level}. */
    static void install(LoggerContext ctx, String level) {
        ctx.reset();
        ConsoleAppender<ILoggingEvent> app = console(ctx, encoder(ctx, !underJournal()));
        app.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(app);
        root.setLevel(Level.toLevel(level, Level.INFO));
        quietDbus(ctx, root);
    }

    private static void quietDbus(LoggerContext ctx, Logger root) {
        // dbus-java logs a lost bus as ERROR with a stack trace from its reader thread; SystemdClient
        // reports the same event itself in one line and reconnects, so that thread's logger stays quiet
        // unless debugging.
        Level dbus = root.getLevel().isGreaterOrEqual(Level.INFO) ? Level.OFF : root.getLevel();
        ctx.getLogger("org.freedesktop.dbus.connections.base.IncomingMessageThread").setLevel(dbus);
        ctx.getLogger("org.freedesktop.dbus").setLevel(Level.WARN.isGreaterOrEqual(root.getLevel()) ? Level.WARN
                : root.getLevel());
    }
}
