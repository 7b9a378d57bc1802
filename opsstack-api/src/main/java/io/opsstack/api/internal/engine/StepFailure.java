package io.opsstack.api.internal.engine;

import io.opsstack.api.plan.PlannedStep;

/** A step and the exception it failed with. */
record StepFailure(PlannedStep step, RuntimeException error) {
}
