/**
 * Typed client for Patroni's REST API: {@link io.opsstack.patroni.PatroniOps} for a cluster,
 * {@link io.opsstack.patroni.PatroniMember} for one member, {@link io.opsstack.patroni.ClusterView}
 * to judge a {@code /cluster} answer. Patroni 3.x and 4.x answers are normalised into the records
 * of {@code io.opsstack.patroni.model}.
 *
 * <p>Supported public API. Parameters and results are non-null unless documented otherwise.
 * Clients and views are thread-safe; builders are not. Errors are unchecked:
 * {@link io.opsstack.patroni.PatroniServiceException} for Patroni's refusals (with its reason),
 * {@link io.opsstack.api.error.OpsAuthException} for 401/403, and the other
 * {@code io.opsstack.api.error} client exceptions for transport failures.
 */
package io.opsstack.patroni;
