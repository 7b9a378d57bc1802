/**
 * Internal: HTTP/1.x framing, fault rules, request log and the per-connection forwarding loop
 * behind {@link io.opsstack.testkit.fault.FaultProxy}. Not a supported API; it may change in any release.
 *
 * <p>{@code FaultRules}, {@code ResponseRewrites} and {@code ExchangeLog} are thread-safe; a
 * {@code ProxyConnection} runs on one thread.
 */
package io.opsstack.testkit.fault.internal;
