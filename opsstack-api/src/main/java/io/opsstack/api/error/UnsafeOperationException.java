package io.opsstack.api.error;

/** A named safety guard blocked a step; nothing further was done. */
public class UnsafeOperationException extends OpsException {
    private static final long serialVersionUID = 1L;

    private final String guard;
    private final String guardReason;

    public UnsafeOperationException(String guard, String guardReason, String target, String operation, String stepId) {
        super("guard '" + guard + "' blocked the step: " + guardReason, null, target, operation, stepId);
        this.guard = guard;
        this.guardReason = guardReason;
    }

    public String guard() {
        return guard;
    }

    public String guardReason() {
        return guardReason;
    }
}
