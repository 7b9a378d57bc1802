package io.opsstack.api.operation;

import io.opsstack.api.internal.engine.Engine;
import io.opsstack.api.plan.Plan;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Applies plans of {@link OperationDefinition}s; a module's {@code Operation.apply} is one call to
 * {@link #apply}. What an apply does, in order:
 * <ol>
 *   <li>checks the plan belongs to the definition's operation and target;</li>
 *   <li>takes the target's lease (renewed every TTL/3, released at the end, also on failure);</li>
 *   <li>reads the journal for the operation id: without completed steps the state facts are read
 *       again and a stale plan is refused; with completed steps this is a resume, those steps are
 *       skipped and the stale check is not made (the state changed by design);</li>
 *   <li>per step: {@code StepStarted}, guards (a failing guard stops the apply with
 *       {@code UnsafeOperationException}), execution, journal entry, {@code StepSucceeded};</li>
 *   <li>result value, cleanup, final journal entry, {@code PlanFinished}.</li>
 * </ol>
 * Dry runs take no lease and write no journal entry.
 */
public final class PlanExecutor {

    private PlanExecutor() {
    }

    /** Applies {@code plan} with {@code definition}; see the class description. */
    public static <R> OperationResult<R> apply(OperationDefinition<R> definition, Plan plan, ApplyOptions options) {
        return Engine.apply(definition, plan, options);
    }

    /** {@link #apply} on a new thread named after the plan. */
    public static <R> CompletableFuture<OperationResult<R>> applyAsync(OperationDefinition<R> definition, Plan plan,
                                                                       ApplyOptions options) {
        Objects.requireNonNull(plan, "plan");
        CompletableFuture<OperationResult<R>> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(apply(definition, plan, options));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "opsstack-apply-" + plan.id());
        thread.start();
        return future;
    }

    /**
     * Returns {@code draft} with every step's named guards evaluated now (for {@code plan()}: build
     * the steps with {@code PlannedStep.Builder.guard(name)}, then call this). Read-only.
     */
    public static Plan evaluateGuards(OperationDefinition<?> definition, Plan draft) {
        return Engine.evaluateGuards(definition, draft);
    }

    /** An {@link Operation} backed by {@code definition}, for modules that need no type of their own. */
    public static <R> Operation<R> operation(OperationDefinition<R> definition) {
        return new DefinedOperation<>(Objects.requireNonNull(definition, "definition"));
    }

    private static final class DefinedOperation<R> implements Operation<R> {
        private final OperationDefinition<R> definition;

        DefinedOperation(OperationDefinition<R> definition) {
            this.definition = definition;
        }

        @Override
        public String name() {
            return definition.name();
        }

        @Override
        public String target() {
            return definition.target();
        }

        @Override
        public Plan plan() {
            return definition.plan();
        }

        @Override
        public OperationResult<R> apply(Plan plan, ApplyOptions options) {
            return PlanExecutor.apply(definition, plan, options);
        }

        @Override
        public CompletableFuture<OperationResult<R>> applyAsync(Plan plan, ApplyOptions options) {
            return PlanExecutor.applyAsync(definition, plan, options);
        }

        @Override
        public String toString() {
            return "Operation[" + definition.name() + " on " + definition.target() + "]";
        }
    }
}
