package io.reactord.agent.core;

import io.reactord.agent.promoter.JournalEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each promoter decision when the loop executes its journal record, so the promoter itself stays free of
 * logging: a transition as {@code RES: FROM -> TO (reason)} at its severity, a warning as {@code RES: reason}, any
 * other note as {@code RES: reason (STATE)}. The logger keeps the promoter's name, so log configurations that
 * name {@code io.reactord.agent.promoter.Promoter} still apply.
 */
final class DecisionLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.reactord.agent.promoter.Promoter");

    private DecisionLog() {}

    static void log(JournalEntry e) {
        if (e.from() != e.to()) {
            String line = e.resource() + ": " + e.from() + " -> " + e.to() + " (" + e.reason() + ")";
            switch (e.severity()) {
                case INFO -> LOG.info(line);
                case WARN -> LOG.warn(line);
                case ERROR -> LOG.error(line);
                default -> throw new IllegalArgumentException("severity " + e.severity());
            }
        } else if (e.severity() == io.reactord.agent.promoter.Severity.INFO) {
            LOG.info("{}: {} ({})", e.resource(), e.reason(), e.from());
        } else {
            LOG.warn("{}: {}", e.resource(), e.reason());
        }
    }
}
