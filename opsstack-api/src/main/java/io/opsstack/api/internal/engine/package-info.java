/**
 * The apply engine: leases, journal, stale checks, guards, events, parallel groups, dry runs.
 *
 * <p>Internal: not supported API, may change in any release. Use
 * {@link io.opsstack.api.operation.PlanExecutor}.
 */
package io.opsstack.api.internal.engine;
