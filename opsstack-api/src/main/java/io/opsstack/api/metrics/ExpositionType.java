package io.opsstack.api.metrics;

import java.util.List;
import java.util.Locale;

/** The types a {@code # TYPE} line may name, with the series suffixes that belong to each family. */
enum ExpositionType {
    COUNTER(MetricType.COUNTER, List.of("_total"), true),
    GAUGE(MetricType.GAUGE, List.of(), false),
    HISTOGRAM(MetricType.HISTOGRAM, List.of("_bucket", "_sum", "_count"), true),
    GAUGEHISTOGRAM(MetricType.HISTOGRAM, List.of("_bucket", "_gsum", "_gcount"), false),
    SUMMARY(MetricType.SUMMARY, List.of("_sum", "_count"), true),
    INFO(MetricType.GAUGE, List.of("_info"), false),
    STATESET(MetricType.GAUGE, List.of(), false),
    UNKNOWN(MetricType.UNTYPED, List.of(), false),
    UNTYPED(MetricType.UNTYPED, List.of(), false);

    /** Every suffix some type claims, plus OpenMetrics' {@code _created}. */
    static final List<String> ALL_SUFFIXES =
            List.of("_total", "_bucket", "_sum", "_count", "_gsum", "_gcount", "_info", "_created");

    final MetricType metricType;
    final List<String> memberSuffixes;
    /** OpenMetrics adds {@code _created} series to these types; they are dropped. */
    final boolean hasCreatedSeries;

    ExpositionType(MetricType metricType, List<String> memberSuffixes, boolean hasCreatedSeries) {
        this.metricType = metricType;
        this.memberSuffixes = memberSuffixes;
        this.hasCreatedSeries = hasCreatedSeries;
    }

    /** The type named on a {@code # TYPE} line (case-insensitive), or null if unknown. */
    static ExpositionType fromName(String name) {
        for (ExpositionType type : values()) {
            if (type.name().equals(name.toUpperCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }
}
