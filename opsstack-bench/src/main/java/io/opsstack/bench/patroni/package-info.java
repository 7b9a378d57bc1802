/**
 * Patroni benchmarks: the write gap of opsstack's switchover and rolling restart against raw REST
 * calls and {@code patronictl} on a real 3-member lab, measured by the testkit's write probe.
 */
package io.opsstack.bench.patroni;
