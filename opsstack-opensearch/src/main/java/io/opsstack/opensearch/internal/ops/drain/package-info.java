/** Internal: the drain-and-decommission operation, its pure feasibility planner and its progress watch. Not a supported API. */
package io.opsstack.opensearch.internal.ops.drain;
