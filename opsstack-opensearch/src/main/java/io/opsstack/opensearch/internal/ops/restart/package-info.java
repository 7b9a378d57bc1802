/** Internal: the rolling restart / rolling upgrade definition, its gates, node order and version rules. Not a supported API. */
package io.opsstack.opensearch.internal.ops.restart;
