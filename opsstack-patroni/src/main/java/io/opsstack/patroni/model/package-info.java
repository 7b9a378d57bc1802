/**
 * Values read from and sent to Patroni's REST API, normalised across Patroni 3.x and 4.x: member
 * status, cluster view, history, dynamic configuration, health answers and the request bodies of
 * switchover and restart.
 *
 * <p>Supported public API. Records are immutable, {@link java.io.Serializable} and offer
 * {@code toMap()} with plain JDK types; components are non-null unless their documentation says
 * null is possible. Builders are not thread-safe.
 */
package io.opsstack.patroni.model;
