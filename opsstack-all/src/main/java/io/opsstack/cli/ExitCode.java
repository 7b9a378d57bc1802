package io.opsstack.cli;

import io.opsstack.api.error.CircuitOpenException;
import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.error.OpsAuthException;
import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.PlanStaleException;
import io.opsstack.api.error.UnsafeOperationException;

/**
 * Exit codes of the CLI, also returned by the JShell helper {@code Ops.run} so a script fails the same way:
 * a pipeline can branch on them (docs/cli.md lists them).
 */
public enum ExitCode {
    OK(0),
    /** The operation ran and failed (a step failed, a wait timed out, the server refused a change). */
    FAILED(1),
    /** Bad command line, flags, configuration or plan file; nothing was changed. */
    USAGE(2),
    /** A named guard refused a step; nothing further was done. */
    UNSAFE(3),
    /** The cluster changed since the plan was made; make a new plan. */
    STALE_PLAN(4),
    /** Another apply holds the target's lease. */
    LEASE_HELD(5),
    /** The system could not be reached or refused the credentials. */
    CONNECTION(6);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** The exit code for an exception, looking through its causes for the most specific known type. */
    public static ExitCode of(Throwable failure) {
        if (failure instanceof IllegalArgumentException) {
            return USAGE; // e.g. a plan file whose values do not form a valid plan
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UsageException || t instanceof OpsValidationException) {
                return USAGE;
            }
            if (t instanceof UnsafeOperationException) {
                return UNSAFE;
            }
            if (t instanceof PlanStaleException) {
                return STALE_PLAN;
            }
            if (t instanceof LeaseHeldException) {
                return LEASE_HELD;
            }
            if (t instanceof OpsConnectException || t instanceof OpsAuthException || t instanceof CircuitOpenException) {
                return CONNECTION;
            }
        }
        return FAILED;
    }
}
