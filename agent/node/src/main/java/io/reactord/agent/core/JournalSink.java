package io.reactord.agent.core;

import io.reactord.agent.promoter.JournalEntry;

/** Where decisions are recorded. Called on the event loop; implementations must not block long. */
@FunctionalInterface
public interface JournalSink {
    void append(JournalEntry entry);

    JournalSink NONE = e -> {};
}
