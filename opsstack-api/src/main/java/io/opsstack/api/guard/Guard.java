package io.opsstack.api.guard;

import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.PlannedStep;

/**
 * A named safety check evaluated immediately before a step (and at plan time, to show in the plan).
 * Names are stable strings such as {@code cluster-green} or {@code one-master-at-a-time}; they appear
 * in plans, events and {@link io.opsstack.api.error.UnsafeOperationException}.
 */
public interface Guard {

    /** The guard's stable name. */
    String name();

    /**
     * Reads the system and decides whether the step may run now. Must not change anything; an
     * exception thrown here fails the step like a failing guard.
     */
    GuardResult check(PlannedStep step, StepContext context);
}
