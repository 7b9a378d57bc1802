/**
 * Fault injection between a client and a real lab server: {@link io.opsstack.testkit.fault.FaultProxy},
 * an HTTP/1.x proxy on 127.0.0.1 that forwards requests faithfully until told to reset a connection
 * (before or after forwarding), stall, add latency or answer 429/502/503 itself, and that records
 * which requests reached the server.
 *
 * <p>Supported API. Arguments and results are non-null unless documented. {@code FaultSpec} and
 * {@code ProxiedRequest} are immutable; {@code FaultProxy} is thread-safe.
 */
package io.opsstack.testkit.fault;
