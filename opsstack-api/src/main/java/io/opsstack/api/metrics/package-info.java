/**
 * Parsing of the Prometheus text exposition format (and the OpenMetrics text subset that
 * VictoriaMetrics, vmagent and Patroni serve on {@code /metrics}).
 *
 * <p><b>Supported public API.</b> Entry point: {@link io.opsstack.api.metrics.PrometheusTextParser}.
 * Results are immutable, {@code Serializable} records with a {@code toMap()} form. Package-private
 * classes are implementation details.
 *
 * <p>Null policy: parameters and results are non-null unless documented otherwise
 * ({@link io.opsstack.api.metrics.Sample#timestampMillis()} is the one nullable component).
 *
 * <p>Thread safety: a parser is immutable and may be shared; each parse call keeps its own state
 * and calls its {@link io.opsstack.api.metrics.SampleVisitor} on the calling thread.
 */
package io.opsstack.api.metrics;
