package io.opsstack.api.operation;

/** What an apply does when a step fails. A failing guard always stops the apply, whatever the policy. */
public enum FailurePolicy {
    /** Stop at the first failed step and rethrow its exception. */
    STOP,
    /** Carry on with later steps; at the end throw an {@link io.opsstack.api.error.OperationFailedException}. */
    CONTINUE
}
