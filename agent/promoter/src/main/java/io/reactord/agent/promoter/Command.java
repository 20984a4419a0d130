package io.reactord.agent.promoter;

import java.time.Duration;

/** What a promoter asks the agent to do. Unit operations carry an {@code op} id echoed in {@link Input.JobFinished}. */
public sealed interface Command {

    /** {@code ResetFailedUnit}; fire and forget. */
    record ResetFailed(String unit) implements Command {}

    /** Start {@code unit} (job mode {@code replace}), then report the job result and ActiveState. */
    record Start(String unit, String reason, long op) implements Command {}

    /** Stop {@code unit}, then report the job result. */
    record Stop(String unit, String reason, long op) implements Command {}

    /** Freeze {@code unit}'s processes (cgroup freezer). */
    record Freeze(String unit, String reason, long op) implements Command {}

    /** Thaw a frozen unit. */
    record Thaw(String unit, String reason, long op) implements Command {}

    /** Deliver {@link Input.TimerFired} with {@code id} after {@code delay}. */
    record ScheduleTimer(TimerId id, Duration delay) implements Command {}

    /** Forget a scheduled timer (a late firing is ignored anyway). */
    record CancelTimer(TimerId id) implements Command {}

    /** Append a decision to the journal. */
    record Journal(JournalEntry entry) implements Command {}
}
