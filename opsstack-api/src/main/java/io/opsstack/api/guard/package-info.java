/**
 * Named safety guards: the checks that must pass immediately before a step runs.
 *
 * <p>Supported API. Parameters and results are non-null unless documented otherwise. Guards are
 * called from the applying thread (or a parallel-group worker) and should be stateless or thread-safe.
 */
package io.opsstack.api.guard;
