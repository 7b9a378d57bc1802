/** Internal: shard relocation and tier rebalancing with validated reroute moves. Not a supported API. */
package io.opsstack.opensearch.internal.ops.relocate;
