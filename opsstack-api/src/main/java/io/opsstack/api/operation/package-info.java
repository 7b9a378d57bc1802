/**
 * Operations and their application: {@link io.opsstack.api.operation.Operation} (what users call),
 * {@link io.opsstack.api.operation.OperationDefinition} (what modules implement),
 * {@link io.opsstack.api.operation.PlanExecutor} (the engine entry point),
 * {@link io.opsstack.api.operation.ApplyOptions} and {@link io.opsstack.api.operation.OperationResult}.
 *
 * <p>Supported API. Values and options are immutable and thread-safe; parameters and results are
 * non-null unless documented otherwise. Contexts are valid only during the call they are passed to.
 */
package io.opsstack.api.operation;
