/**
 * Internal, unsupported: the Resilience4j adapter behind {@link io.opsstack.api.http.RetryPolicy}
 * and {@link io.opsstack.api.http.CircuitBreakerPolicy}. No type of this package or of Resilience4j
 * appears in a public signature; it may change in any release.
 *
 * <p>Non-null unless documented. {@link io.opsstack.api.internal.resilience.EndpointBreakers} and
 * {@link io.opsstack.api.internal.resilience.RetryRunner} are thread-safe.
 */
package io.opsstack.api.internal.resilience;
