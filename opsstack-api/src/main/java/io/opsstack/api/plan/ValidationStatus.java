package io.opsstack.api.plan;

/** Whether the system itself checked a step without performing it (a server-side dry run). */
public enum ValidationStatus {
    /** No server-side check was made or none exists for this step. */
    NOT_VALIDATED,
    /** The server accepted the step in a dry run. */
    VALIDATED,
    /** The server refused the step in a dry run. */
    REJECTED
}
