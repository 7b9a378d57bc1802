/**
 * Internal: the child-process side of {@link io.opsstack.testkit.victoria.VmClusterSimulator} — a
 * simulation of VictoriaMetrics cluster components, not the real implementation. Not a supported API;
 * it may change in any release.
 */
package io.opsstack.testkit.victoria.internal.sim;
