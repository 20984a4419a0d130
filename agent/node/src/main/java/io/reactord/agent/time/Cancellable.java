package io.reactord.agent.time;

/** Handle of a scheduled task. Cancelling a task that already ran or was cancelled does nothing. */
@FunctionalInterface
public interface Cancellable {
    void cancel();
}
