/**
 * Internal, unsupported: the Apache HttpClient 5 based implementation behind
 * {@link io.opsstack.api.http.HttpTransport} (client and TLS set-up, request execution, failure
 * classification, option-map parsing). May change in any release; no HttpClient type appears in a
 * public signature.
 *
 * <p>Non-null unless documented. {@link io.opsstack.api.internal.http.RequestExecutor} is thread-safe;
 * the utility classes are stateless.
 */
package io.opsstack.api.internal.http;
