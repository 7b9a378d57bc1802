package io.opsstack.api.operation;

import io.opsstack.api.plan.Plan;

import java.util.concurrent.CompletableFuture;

/**
 * A disruptive operation on a target, planned first and then applied step by step behind named
 * guards. Obtain instances from a module's facade (e.g. {@code PatroniOps.switchover(...)}).
 *
 * @param <R> the result value type, or {@code Void}
 */
public interface Operation<R> {

    String name();

    String target();

    /** Reads the system and returns what {@link #apply} would do; never changes anything. */
    Plan plan();

    /**
     * Applies a plan made by {@link #plan()} of an operation with the same name and target.
     *
     * @throws io.opsstack.api.error.PlanStaleException if the state changed since the plan was made
     * @throws io.opsstack.api.error.UnsafeOperationException if a guard blocked a step
     * @throws io.opsstack.api.error.LeaseHeldException if another apply holds the target's lease
     */
    OperationResult<R> apply(Plan plan, ApplyOptions options);

    /** {@link #apply} on a new thread; the future completes with its result or exception. */
    CompletableFuture<OperationResult<R>> applyAsync(Plan plan, ApplyOptions options);
}
