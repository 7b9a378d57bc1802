/**
 * Internal: the tier runner (a {@link io.opsstack.opensearch.policy.TierPolicy} applied by opsstack on
 * clusters without ISM), daily-index pre-creation and close/open by age. The planning core
 * ({@link io.opsstack.opensearch.internal.ops.tier.TierRunPlanner}) works on an in-memory
 * {@link io.opsstack.opensearch.internal.ops.tier.ClusterView}. Not a supported API.
 */
package io.opsstack.opensearch.internal.ops.tier;
