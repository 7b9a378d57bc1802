/**
 * Snapshot repositories and snapshots as {@link io.opsstack.opensearch.SnapshotApi} reads them.
 *
 * <p>Supported public API. Records are immutable, {@link java.io.Serializable} and thread-safe, and
 * offer {@code toMap()} for scripts. Components are non-null unless documented otherwise.
 */
package io.opsstack.opensearch.model.snapshot;
