/**
 * Operations client for one OpenSearch cluster: {@link io.opsstack.opensearch.OpenSearchOps} reads
 * health, nodes, shards and settings into the lenient records of {@code io.opsstack.opensearch.model},
 * writes cluster and index settings, and exposes the official Java client for everything else.
 *
 * <p>Supported public API. Parameters and results are non-null unless documented otherwise.
 * {@code OpenSearchOps} is thread-safe and meant to be shared; builders are not thread-safe.
 * Errors are unchecked: {@link io.opsstack.opensearch.OpenSearchServiceException} for error answers,
 * {@link io.opsstack.opensearch.OpenSearchResponseException} for answers that cannot be interpreted,
 * and the {@code io.opsstack.api.error} client exceptions for transport failures.
 */
package io.opsstack.opensearch;
