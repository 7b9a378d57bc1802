/**
 * The lease SPI: an apply holds a lease on its target so the same target is never operated on
 * twice at once, with in-memory (one JVM) and file-based (several processes) stores.
 *
 * <p>Supported API. Stores and leases are thread-safe; parameters are non-null.
 */
package io.opsstack.api.lease;
