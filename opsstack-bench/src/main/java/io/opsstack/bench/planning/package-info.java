/**
 * CPU benchmarks of planning and parsing at fleet scale (JMH): a tier run planned on a synthetic
 * 1,000-node / 100,000-shard cluster state, and {@code _cat/shards} parsing of 100,000 rows.
 * {@link io.opsstack.bench.planning.PlanningBenchmarks} runs both and compares them with their goals.
 */
package io.opsstack.bench.planning;
