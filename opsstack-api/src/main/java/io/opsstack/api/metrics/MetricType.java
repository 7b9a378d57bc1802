package io.opsstack.api.metrics;

/**
 * Type of a metric family. OpenMetrics types are read as their nearest Prometheus type:
 * {@code gaugehistogram} as {@link #HISTOGRAM}, {@code info} and {@code stateset} as {@link #GAUGE},
 * {@code unknown} as {@link #UNTYPED}.
 */
public enum MetricType {
    COUNTER,
    GAUGE,
    /** {@code _bucket} series (with {@code le}, or VictoriaMetrics' {@code vmrange}) plus {@code _sum}/{@code _count}. */
    HISTOGRAM,
    /** Series with a {@code quantile} label plus {@code _sum}/{@code _count}. */
    SUMMARY,
    /** No {@code # TYPE} line, or a type that has no closer match. */
    UNTYPED
}
