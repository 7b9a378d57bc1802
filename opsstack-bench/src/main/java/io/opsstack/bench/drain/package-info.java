/**
 * Drain benchmarks: the drain planner on a synthetic 1,000-node / 100,000-shard cluster (JMH), and
 * drain wall time and completion latency against a plain exclude-and-poll drain on a real lab.
 */
package io.opsstack.bench.drain;
