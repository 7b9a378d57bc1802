package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;

/**
 * One line of the JSON-line format that {@code /api/v1/export} writes and {@code /api/v1/import}
 * reads: {@code {"metric":{...},"values":[...],"timestamps":[...]}}.
 *
 * @param metric     labels including {@code __name__}
 * @param values     sample values
 * @param timestamps milliseconds since the epoch, one per value
 */
public record SeriesSamples(Map<String, String> metric, List<Double> values, List<Long> timestamps)
        implements Serializable {

    public SeriesSamples {
        metric = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metric, "metric")));
        values = List.copyOf(values);
        timestamps = List.copyOf(timestamps);
        if (values.size() != timestamps.size()) {
            throw new OpsValidationException("series " + metric + " has " + values.size() + " values but "
                    + timestamps.size() + " timestamps");
        }
        if (!metric.containsKey("__name__")) {
            throw new OpsValidationException("series " + metric + " has no __name__ label");
        }
    }

    public String name() {
        return metric.get("__name__");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("metric", new LinkedHashMap<>(metric));
        map.put("values", values);
        map.put("timestamps", timestamps);
        return map;
    }
}
