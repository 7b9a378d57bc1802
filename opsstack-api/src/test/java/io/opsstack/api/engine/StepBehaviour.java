package io.opsstack.api.engine;

import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.PlannedStep;

/** What a fake step does when executed. */
interface StepBehaviour {
    void run(PlannedStep step, StepContext context) throws Exception;
}
