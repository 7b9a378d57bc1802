package io.opsstack.api.operation;

/** How an apply ended. */
public enum OperationStatus {
    /** Every step ran (or had run in an earlier attempt) and succeeded. */
    SUCCEEDED,
    /** A dry run: guards (and server validation) were evaluated, nothing was executed. */
    DRY_RUN,
    /** At least one step failed or a guard blocked a step. */
    FAILED
}
