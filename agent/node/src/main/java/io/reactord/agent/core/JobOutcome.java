package io.reactord.agent.core;

import io.reactord.agent.promoter.JobResult;
import io.reactord.agent.promoter.UnitActiveState;

/**
 * The result of a unit operation.
 *
 * @param result the job result
 * @param activeState the unit's ActiveState after the job (UNKNOWN when not read)
 * @param conditionResult for a start: whether the promote condition passed (null when unknown)
 * @param detail error text, or empty
 */
public record JobOutcome(JobResult result, UnitActiveState activeState, Boolean conditionResult, String detail) {
    public static JobOutcome done(UnitActiveState s) {
        return new JobOutcome(JobResult.DONE, s, true, "");
    }

    public static JobOutcome error(String detail) {
        return new JobOutcome(JobResult.ERROR, UnitActiveState.UNKNOWN, null, detail);
    }
}
