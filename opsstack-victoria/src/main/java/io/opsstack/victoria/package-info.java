/**
 * Typed clients for VictoriaMetrics 1.79 components and the {@link io.opsstack.victoria.VictoriaClusterOps}
 * facade for one cluster: vminsert imports, vmselect queries (with {@code isPartial} surfaced), vmstorage
 * snapshots and merges, vmagent and vmauth reloads, {@code /health}, {@code /flags} and {@code /metrics}
 * on every component, a cluster health report read from {@code /metrics}, and the definition checked
 * against each component's flags. {@link io.opsstack.victoria.UrlLayout} lets the same clients talk to
 * single-node servers and to cluster tenant paths.
 *
 * <p>Supported public API. Parameters and results are non-null unless documented otherwise. Clients and
 * the facade are thread-safe and meant to be shared and closed; request builders are not thread-safe.
 * Failures are unchecked {@link io.opsstack.api.error.OpsException}s: bad input is an
 * {@link io.opsstack.api.error.OpsValidationException} raised before anything is sent.
 */
package io.opsstack.victoria;
