/** Internal: the OpenSearch operation definitions behind {@link io.opsstack.opensearch.OpenSearchOps}. Not a supported API. */
package io.opsstack.opensearch.internal.ops;
