package io.reactord.it.inprocess;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Collects the ERROR lines and stack traces the in-process agents log (I5). Each backend tags the messages it runs
 * with an owner and node in the MDC; this appender keeps only its owner's.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> {
    static final String NODE_KEY = "reactord.it.node";
    static final String OWNER_KEY = "reactord.it.owner";
    private static final AtomicLong OWNERS = new AtomicLong();

    private final String owner = "b" + OWNERS.incrementAndGet();
    private final Map<String, List<String>> problems = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

    String owner() {
        return owner;
    }

    void install() {
        setName("reactord-it-" + owner);
        setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        start();
        root().addAppender(this);
    }

    void uninstall() {
        root().detachAppender(this);
        stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    protected void append(ILoggingEvent e) {
        Map<String, String> mdc = e.getMDCPropertyMap();
        if (!owner.equals(mdc.get(OWNER_KEY))) {
            return;
        }
        List<String> all = lines.computeIfAbsent(mdc.getOrDefault(NODE_KEY, "-"),
                k -> java.util.Collections.synchronizedList(new ArrayList<>()));
        if (all.size() < 20_000) {
            all.add(e.getLevel() + " " + e.getFormattedMessage());
        }
        if (e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null) {
            problem(mdc.getOrDefault(NODE_KEY, "-"), e.getLevel() + " " + e.getLoggerName() + ": "
                    + e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : " [" + e.getThrowableProxy().getClassName() + "]"));
        }
    }

    void problem(String node, String line) {
        List<String> l = problems.computeIfAbsent(node, k -> java.util.Collections.synchronizedList(new ArrayList<>()));
        if (l.size() < 100) {
            l.add(line);
        }
    }

    /** Every line the node's agent logged (bounded). */
    List<String> lines(String node) {
        List<String> l = lines.get(node);
        return l == null ? List.of() : List.copyOf(l);
    }

    List<String> problems(String node) {
        List<String> l = problems.get(node);
        return l == null ? List.of() : List.copyOf(l);
    }
}
