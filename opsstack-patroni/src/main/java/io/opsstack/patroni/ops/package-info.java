/**
 * Planned, guarded Patroni operations: switchover (now or scheduled), failover, replicas-first
 * rolling restart, dynamic configuration changes, maintenance mode, reload, reinitialisation and
 * the promotion of a standby cluster. Obtain them from {@link io.opsstack.patroni.PatroniOps};
 * the request values here say what to do.
 *
 * <p>Supported public API. Parameters and results are non-null unless documented otherwise.
 * Requests and results are immutable, thread-safe and {@code Serializable}; builders are not
 * thread-safe. {@link io.opsstack.patroni.ops.TransactionAgeCheck} implementations must be thread-safe.
 */
package io.opsstack.patroni.ops;
