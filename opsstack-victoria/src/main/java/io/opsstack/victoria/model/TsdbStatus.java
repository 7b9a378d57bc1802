package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cardinality statistics from {@code /api/v1/status/tsdb}: top entries by series count.
 *
 * @param totalSeries                 series in the index for the date
 * @param totalLabelValuePairs        label=value pairs
 * @param seriesCountByMetricName     top metric names
 * @param seriesCountByLabelName      top label names (absent before some versions: empty)
 * @param seriesCountByLabelValuePair top label=value pairs
 * @param labelValueCountByLabelName  labels with the most distinct values
 * @param partial                     whether vmselect reported missing vmstorage nodes
 */
public record TsdbStatus(long totalSeries, long totalLabelValuePairs, List<NameCount> seriesCountByMetricName,
                         List<NameCount> seriesCountByLabelName, List<NameCount> seriesCountByLabelValuePair,
                         List<NameCount> labelValueCountByLabelName, PartialStatus partial) implements Serializable {

    public TsdbStatus {
        seriesCountByMetricName = List.copyOf(seriesCountByMetricName);
        seriesCountByLabelName = List.copyOf(seriesCountByLabelName);
        seriesCountByLabelValuePair = List.copyOf(seriesCountByLabelValuePair);
        labelValueCountByLabelName = List.copyOf(labelValueCountByLabelName);
        Objects.requireNonNull(partial, "partial");
    }

    /** The series count of a metric name among the top entries, 0 when absent. */
    public long seriesCount(String metricName) {
        return seriesCountByMetricName.stream().filter(entry -> entry.name().equals(metricName))
                .mapToLong(NameCount::value).findFirst().orElse(0);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("total_series", totalSeries);
        map.put("total_label_value_pairs", totalLabelValuePairs);
        map.put("series_count_by_metric_name", seriesCountByMetricName.stream().map(NameCount::toMap).toList());
        map.put("series_count_by_label_name", seriesCountByLabelName.stream().map(NameCount::toMap).toList());
        map.put("series_count_by_label_value_pair", seriesCountByLabelValuePair.stream().map(NameCount::toMap).toList());
        map.put("label_value_count_by_label_name", labelValueCountByLabelName.stream().map(NameCount::toMap).toList());
        map.put("partial", partial.name());
        return map;
    }
}
