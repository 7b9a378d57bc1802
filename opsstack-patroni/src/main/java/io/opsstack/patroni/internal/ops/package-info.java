/**
 * Implementations of the Patroni operations (plans, guards, steps, waits). Internal: not a
 * supported API, may change in any release. Classes are thread-safe where documented.
 */
package io.opsstack.patroni.internal.ops;
