package io.opsstack.api.operation;

/** Whether an apply executes steps. */
public enum DryRun {
    /** Execute the plan. */
    NONE,
    /** Evaluate guards and report what would run; nothing is executed, no lease taken, no journal written. */
    CLIENT,
    /**
     * As CLIENT, and additionally ask the system to validate each step where it can (e.g. an
     * OpenSearch reroute {@code dry_run}); steps it cannot validate are reported as not validated.
     */
    SERVER
}
