/**
 * Tier policies (hot → warm → cold → delete) and their Index State Management form. A
 * {@link io.opsstack.opensearch.policy.TierPolicy} is run either by the ISM plugin (export with
 * {@link io.opsstack.opensearch.policy.TierPolicy#toIsm()}, manage with {@link io.opsstack.opensearch.IsmApi})
 * or, on clusters without it, by opsstack's tier runner ({@code OpenSearchOps.tierRun}).
 *
 * <p>Supported API. Values are immutable, thread-safe and non-null unless documented; malformed
 * values are refused with {@link io.opsstack.api.error.OpsValidationException} when built.
 */
package io.opsstack.opensearch.policy;
