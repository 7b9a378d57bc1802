/**
 * Internal machinery of {@link io.opsstack.testkit.opensearch.OpenSearchLab}: distribution
 * resolution and extraction, JDK selection, node configuration, node processes and cluster
 * probes. Not a supported API; it may change in any release.
 */
package io.opsstack.testkit.opensearch.internal;
