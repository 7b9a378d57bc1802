package io.opsstack.api.operation;

/** How a single step ended in an apply. */
public enum StepStatus {
    SUCCEEDED,
    FAILED,
    /** Completed in an earlier run of the same operation id; not executed again. */
    SKIPPED,
    /** Not started: an earlier step failed, a guard blocked, or the timeout passed. */
    NOT_RUN,
    /** Dry run: the guards pass (and the server, if asked, accepted it); it would run. */
    WOULD_RUN,
    /** Dry run: a guard fails or the server rejected it; it would not run. */
    BLOCKED
}
