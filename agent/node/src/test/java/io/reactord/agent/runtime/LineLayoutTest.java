package io.reactord.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** The log line: level padded to five, the logger's simple name, the formatted message, a throwable after it. */
final class LineLayoutTest {
    private final LoggerContext ctx = new LoggerContext();

    private LoggingEvent event(Level level, String msg, Throwable t, Object... args) {
        return new LoggingEvent("test", ctx.getLogger("io.reactord.agent.core.AgentCore"), level, msg, t, args);
    }

    @Test
    void doLayout_withoutTime_matchesTheJournalFormat() {
        assertEquals("WARN  AgentCore: r0: a-ctl.service is failed" + System.lineSeparator(),
                new LineLayout(false).doLayout(event(Level.WARN, "{}: {} is failed", null, "r0", "a-ctl.service")));
        assertEquals("ERROR AgentCore: x" + System.lineSeparator(), new LineLayout(false).doLayout(event(Level.ERROR, "x", null)));
    }

    @Test
    void doLayout_withTime_startsWithIsoTimestampAndOffset() {
        String line = new LineLayout(true).doLayout(event(Level.INFO, "ready", null));
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  AgentCore: ready\\R"), line);
    }

    @Test
    void doLayout_throwable_followsWithStackTrace() {
        String out = new LineLayout(false).doLayout(event(Level.ERROR, "failed", new IllegalStateException("boom")));
        assertTrue(out.startsWith("ERROR AgentCore: failed" + System.lineSeparator() + "java.lang.IllegalStateException: boom"), out);
        assertTrue(out.contains("at io.reactord.agent.runtime.LineLayoutTest"), out);
    }
}
