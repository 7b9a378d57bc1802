/**
 * Typed, lenient records of OpenSearch's allocation APIs: allocation explain, reroute, disk
 * allocation per node, pending tasks, voting exclusions, awareness weights and zone decommission.
 * Supported API; values are immutable, {@code Serializable} and thread-safe; components are non-null
 * unless documented. Unknown fields in server answers are ignored.
 */
package io.opsstack.opensearch.model.allocation;
