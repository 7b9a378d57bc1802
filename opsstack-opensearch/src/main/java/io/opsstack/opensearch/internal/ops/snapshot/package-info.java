/** Internal: the snapshot and restore operation definitions behind {@link io.opsstack.opensearch.SnapshotApi}. Not a supported API. */
package io.opsstack.opensearch.internal.ops.snapshot;
