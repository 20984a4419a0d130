package io.reactord.agent;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
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

    /** Replaces whatever {@code ctx} had with our stderr appender at {@code level}. */
    static void install(LoggerContext ctx, String level) {
        ctx.reset();
        LineLayout layout = new LineLayout(!underJournal());
        layout.setContext(ctx);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> enc = new LayoutWrappingEncoder<>();
        enc.setContext(ctx);
        enc.setLayout(layout);
        enc.start();
        ConsoleAppender<ILoggingEvent> app = new ConsoleAppender<>();
        app.setContext(ctx);
        app.setName("stderr");
        app.setTarget("System.err");
        app.setEncoder(enc);
        app.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(app);
        root.setLevel(Level.toLevel(level, Level.INFO));
        // dbus-java logs a lost bus as ERROR with a stack trace from its reader thread; SystemdClient
        // reports the same event itself in one line and reconnects, so that thread's logger stays quiet
        // unless debugging.
        Level dbus = root.getLevel().isGreaterOrEqual(Level.INFO) ? Level.OFF : root.getLevel();
        ctx.getLogger("org.freedesktop.dbus.connections.base.IncomingMessageThread").setLevel(dbus);
        ctx.getLogger("org.freedesktop.dbus").setLevel(Level.WARN.isGreaterOrEqual(root.getLevel()) ? Level.WARN
                : root.getLevel());
    }
}
