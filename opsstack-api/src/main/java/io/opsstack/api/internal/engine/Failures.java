package io.opsstack.api.internal.engine;

import io.opsstack.api.error.OperationFailedException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.plan.Plan;

import java.util.List;

/** Turns what went wrong in an apply into the exception the caller gets. */
final class Failures {

    private Failures() {
    }

    /**
     * The exception for a failure in {@code stepId} (null outside a step): opsstack exceptions are
     * rethrown as they are, so callers can catch their precise type; where they lack the step
     * context it is attached as a suppressed note. Other exceptions are wrapped with full context.
     */
    static RuntimeException withContext(RuntimeException error, Plan plan, String stepId) {
        if (error instanceof OpsException ops) {
            if (stepId != null && ops.stepId().isEmpty()) {
                ops.addSuppressed(new OpsException("failed in step " + stepId, null, plan.target(), plan.operation(),
                        stepId));
            }
            return ops;
        }
        String where = stepId == null ? "apply" : "step " + stepId;
        return new OpsException(where + " failed: " + error, error, plan.target(), plan.operation(), stepId);
    }

    /** What a CONTINUE apply throws when some steps failed: lists them, each cause suppressed. */
    static OperationFailedException continued(List<StepFailure> failures, Plan plan, OperationResult<?> result) {
        StringBuilder message = new StringBuilder();
        message.append(failures.size()).append(failures.size() == 1 ? " step failed: " : " steps failed: ");
        for (int i = 0; i < failures.size(); i++) {
            StepFailure failure = failures.get(i);
            String reason = failure.error() instanceof OpsException ops ? ops.reason() : String.valueOf(failure.error());
            message.append(i == 0 ? "" : "; ").append(failure.step().id()).append(" (").append(reason).append(')');
        }
        OperationFailedException exception = new OperationFailedException(message.toString(), plan.target(),
                plan.operation(), failures.stream().map(failure -> failure.step().id()).toList(), result);
        failures.forEach(failure -> exception.addSuppressed(withContext(failure.error(), plan, failure.step().id())));
        return exception;
    }
}
