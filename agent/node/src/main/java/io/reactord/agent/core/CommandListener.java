package io.reactord.agent.core;

import io.reactord.agent.promoter.Command;

/** Observes every unit command the core executes (replay output, metrics, benchmarks). */
@FunctionalInterface
public interface CommandListener {
    void executing(long timeMs, String resource, Command command);

    CommandListener NONE = (t, r, c) -> {};
}
