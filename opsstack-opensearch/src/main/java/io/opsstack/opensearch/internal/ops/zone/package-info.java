/** Internal: zone decommission and recommission through the awareness decommission API. Not a supported API. */
package io.opsstack.opensearch.internal.ops.zone;
