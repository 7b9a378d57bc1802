/**
 * Immutable, serializable values of the VictoriaMetrics clients: tenants, the cluster definition,
 * query answers, flags, TSDB status, health and topology reports. Each has a {@code toMap()} of plain
 * JDK types for scripts and JSON.
 *
 * <p>Supported public API. Components are non-null unless documented otherwise; all types are
 * thread-safe.
 */
package io.opsstack.victoria.model;
