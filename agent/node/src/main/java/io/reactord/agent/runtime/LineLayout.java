package io.reactord.agent.runtime;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Our one log line, {@code [TIME ]LEVEL Logger: message}, written directly instead of through logback's pattern
 * language, whose parser and converters would stay loaded in the daemon for one fixed format. The time (local, with
 * offset, milliseconds) is left out when journald adds its own; a throwable follows on the next lines.
 */
public final class LineLayout extends LayoutBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private final boolean withTime;
    private final ZoneId zone = ZoneId.systemDefault();

    /** @param withTime whether lines start with a timestamp */
    public LineLayout(boolean withTime) {
        this.withTime = withTime;
    }

    @Override
    public String doLayout(ILoggingEvent e) {
        StringBuilder b = new StringBuilder(128);
        if (withTime) {
            TIME.formatTo(Instant.ofEpochMilli(e.getTimeStamp()).atZone(zone), b);
            b.append(' ');
        }
        String level = e.getLevel().toString();
        b.append(level);
        for (int i = level.length(); i < 5; i++) {
            b.append(' ');
        }
        String name = e.getLoggerName();
        b.append(' ').append(name, name.lastIndexOf('.') + 1, name.length()).append(": ").append(e.getFormattedMessage())
                .append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy t = e.getThrowableProxy();
        if (t != null) {
            b.append(ThrowableProxyUtil.asString(t)).append(CoreConstants.LINE_SEPARATOR);
        }
        return b.toString();
    }
}
