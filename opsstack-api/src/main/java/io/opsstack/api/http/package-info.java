/**
 * Supported: the HTTP core shared by all opsstack modules — {@link io.opsstack.api.http.HttpTransport}
 * and its options ({@link io.opsstack.api.http.HttpClientOptions}, {@link io.opsstack.api.http.Credentials},
 * {@link io.opsstack.api.http.TlsOptions}, {@link io.opsstack.api.http.Timeouts},
 * {@link io.opsstack.api.http.RetryPolicy}, {@link io.opsstack.api.http.CircuitBreakerPolicy}),
 * requests and responses.
 *
 * <p>Parameters and return values are non-null unless documented; absent values are
 * {@link java.util.Optional}. Options, requests and responses are immutable and thread-safe; their
 * builders are not. {@code HttpTransport} is thread-safe. No type here prints a secret: credentials,
 * key-store passwords and {@code Authorization}-like headers are shown as {@code ****}.
 *
 * <p>Every failure is an unchecked {@link io.opsstack.api.error.OpsException}; invalid options raise
 * {@link io.opsstack.api.error.OpsValidationException} when built or when the transport is created.
 */
package io.opsstack.api.http;
