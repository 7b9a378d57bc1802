package io.opsstack.api.operation;

import io.opsstack.api.guard.Guard;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.ServerValidation;

import java.util.Map;

/**
 * How a module implements an operation: it supplies planning, state facts, step execution and
 * guards; {@link PlanExecutor} supplies leases, the journal, stale checks, guard evaluation, events,
 * failure handling, parallelism and dry runs.
 *
 * @param <R> the operation's result value type ({@code Serializable}), or {@code Void}
 */
public interface OperationDefinition<R> {

    /** Stable operation name, e.g. {@code opensearch-drain}. */
    String name();

    /** The cluster or node the operation acts on; also the lease key. */
    String target();

    /** Reads the system and returns the plan; never changes anything. */
    Plan plan();

    /**
     * Re-reads the facts {@link #plan()} recorded in the plan's fingerprint, with the same names,
     * so a stale plan can be refused with the exact differences.
     */
    Map<String, String> currentStateFacts();

    /** Performs one step. Throws to fail it. May be called again for the same step after a crash. */
    void execute(PlannedStep step, StepContext context);

    /**
     * The guard with this name, as it appears in the plan's steps.
     *
     * @throws io.opsstack.api.error.OpsValidationException for an unknown name
     */
    Guard guard(String name);

    /**
     * Whether the engine may evaluate guards at the same time: a step's guards before it runs, and at planning the
     * steps of a plan. Return true only when every guard just reads, through clients that are safe to share between
     * threads; the verdicts are reported in declared order either way. False by default (one after the other).
     */
    default boolean concurrentGuards() {
        return false;
    }

    /** Asks the system to validate a step without performing it; by default no validation exists. */
    default ServerValidation serverValidate(PlannedStep step, StepContext context) {
        return ServerValidation.notValidated("no server-side validation exists for " + step.action().label() + " steps");
    }

    /** The result value after every step succeeded; null by default. */
    default R result(OperationContext context) {
        return null;
    }

    /**
     * Called once at the end of every apply that executed (not in dry runs), whatever the outcome,
     * e.g. to restore a setting recorded with {@code saveValue}. The operation may be resumed later,
     * so steps must not rely on effects that cleanup undoes.
     */
    default void cleanup(OperationContext context, OperationStatus status) {
    }
}
