package io.reactord.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import io.reactord.config.LogConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The configuration's [[log]] tables become appenders with their own level and file. */
final class LoggingTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        new ContextInitializer(ctx).autoConfig();
    }

    @Test
    void apply_twoFiles_eachGetsItsLevelAndAbove() throws Exception {
        Path debug = dir.resolve("debug.log");
        Path warn = dir.resolve("warn.log");
        List<String> problems = Logging.apply(List.of(new LogConfig("debug", debug), new LogConfig("warn", warn)));
        assertEquals(List.of(), problems);
        Logger log = LoggerFactory.getLogger("io.reactord.test");
        log.trace("t-line");
        log.debug("d-line");
        log.warn("w-line");
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        String d = Files.readString(debug);
        String w = Files.readString(warn);
        assertTrue(d.contains("d-line") && d.contains("w-line") && !d.contains("t-line"), d);
        assertTrue(w.contains("w-line") && !w.contains("d-line"), w);
    }

    @Test
    void apply_fileThatCannotBeOpened_reportedAndSkipped() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain"), "x");
        List<String> problems = Logging.apply(List.of(new LogConfig("info", notADir.resolve("x.log"))));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("cannot be opened for writing"), problems.get(0));
        assertFalse(((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .iteratorForAppenders().next().getName().startsWith("log"), "falls back to standard error");
    }
}
