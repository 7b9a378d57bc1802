/**
 * Cluster membership and rolling operations for VictoriaMetrics, obtained from
 * {@link io.opsstack.victoria.VictoriaClusterOps}: the ordered rolling restart
 * ({@link io.opsstack.victoria.ops.VmRollingRestartRequest}), adding and removing vmstorage nodes
 * ({@link io.opsstack.victoria.ops.AddStorageNodeRequest},
 * {@link io.opsstack.victoria.ops.RemoveStorageNodeRequest}), and the {@link io.opsstack.victoria.ops.FlagSource}
 * SPI through which {@code -storageNode} lists are changed where the nodes' flags live.
 *
 * <p>Supported public API. Parameters and results are non-null unless documented otherwise. Requests
 * and results are immutable, serializable and thread-safe; builders are not thread-safe; flag sources
 * are as thread-safe as their file access.
 */
package io.opsstack.victoria.ops;
