package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One series of a query answer: its labels and its points (one for a vector element or scalar,
 * any number for a matrix series).
 *
 * @param metric labels including {@code __name__} when present
 * @param points in time order
 */
public record QuerySeries(Map<String, String> metric, List<Point> points) implements Serializable {

    public QuerySeries {
        metric = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metric, "metric")));
        points = List.copyOf(points);
    }

    /** The metric name ({@code __name__}), or an empty string. */
    public String name() {
        return metric.getOrDefault("__name__", "");
    }

    /** The value of the last point (for vectors, the only one). */
    public double lastValue() {
        if (points.isEmpty()) {
            throw new IllegalStateException("series " + metric + " has no points");
        }
        return points.get(points.size() - 1).value();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("metric", new LinkedHashMap<>(metric));
        map.put("points", points.stream().map(Point::toMap).toList());
        return map;
    }
}
