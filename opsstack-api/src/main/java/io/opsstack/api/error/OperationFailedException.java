package io.opsstack.api.error;

import io.opsstack.api.operation.OperationResult;

import java.util.List;

/**
 * One or more steps failed in an apply that continued after failures ({@code onFailure(CONTINUE)}).
 * Each step's exception is attached as a suppressed exception.
 */
public class OperationFailedException extends OpsException {
    private static final long serialVersionUID = 1L;

    private final List<String> failedSteps;
    private final transient OperationResult<?> result;

    /**
     * @param failedSteps ids of the failed steps, in plan order
     * @param result the apply's result, for callers that want the step outcomes and events
     */
    public OperationFailedException(String message, String target, String operation, List<String> failedSteps,
                                    OperationResult<?> result) {
        super(message, null, target, operation, null);
        this.failedSteps = List.copyOf(failedSteps);
        this.result = result;
    }

    public List<String> failedSteps() {
        return failedSteps;
    }

    /** The apply's result with per-step outcomes and events, or null after Java deserialisation (it is not serialised). */
    public OperationResult<?> result() {
        return result;
    }
}
