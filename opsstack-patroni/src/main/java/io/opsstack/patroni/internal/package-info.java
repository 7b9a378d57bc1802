/**
 * Internal: REST calls, response parsing, error translation and option maps behind
 * {@link io.opsstack.patroni.PatroniOps}. Not a supported API; it may change in any release.
 *
 * <p>Classes here are thread-safe unless stated otherwise.
 */
package io.opsstack.patroni.internal;
