package io.reactord.agent.umh;

import io.reactord.config.UmhRule;
import java.time.Duration;

/**
 * The report of one helper run, for the journal: which rule ran for which resource, how it ended and how
 * long it took. {@code exitStatus} is the command's exit status ({@code 128+N} when killed by signal N) for
 * {@link Outcome#EXITED}, else null. {@code output} is the start of what the command wrote to stdout and
 * stderr (bounded).
 */
public record UmhRun(String rule, UmhRule.Kind kind, String resource, String eventType, Outcome outcome,
        Integer exitStatus, Duration duration, String output) {

    public enum Outcome {
        /** The command ran to its end; see {@code exitStatus}. */
        EXITED,
        /** The rule's timeout expired; the command and its descendants were killed. */
        TIMED_OUT,
        /** {@code /bin/sh} could not be started. */
        FAILED_TO_START,
        /** Too many helpers were already running or queued; this run was dropped. */
        DROPPED
    }

    /** True for a run that exited with status 0. */
    public boolean succeeded() {
        return outcome == Outcome.EXITED && exitStatus != null && exitStatus == 0;
    }

    /** One line for logs: {@code rule 'X' for r0: exit 0 after 12 ms}. */
    public String summary() {
        String how = switch (outcome) {
            case EXITED -> "exit " + exitStatus;
            case TIMED_OUT -> "killed after timeout";
            case FAILED_TO_START -> "could not start";
            case DROPPED -> "dropped (too many helpers)";
        };
        return "rule '" + rule + "' for " + resource + ": " + how + " after " + duration.toMillis() + " ms";
    }
}
