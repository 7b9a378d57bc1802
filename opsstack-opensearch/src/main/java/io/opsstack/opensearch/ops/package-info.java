/**
 * Requests for OpenSearch operations. Each operation is created by {@link io.opsstack.opensearch.OpenSearchOps}
 * and used through the opsstack operation model: {@code plan()} reads only, {@code apply(plan, options)}
 * acts behind named guards. Supported API; values are immutable and non-null unless documented.
 */
package io.opsstack.opensearch.ops;
