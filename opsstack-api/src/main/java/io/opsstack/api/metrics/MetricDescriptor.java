package io.opsstack.api.metrics;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Name, type and help of a metric family as known at a point of the page; what a
 * {@link SampleVisitor} receives with each sample.
 *
 * @param name family name (for a histogram {@code x}, the samples are {@code x_bucket}, {@code x_sum}, {@code x_count})
 * @param type declared or inferred type
 * @param help unescaped {@code # HELP} text, empty when the page has none
 */
public record MetricDescriptor(String name, MetricType type, String help) implements Serializable {
    public MetricDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(help, "help");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("metric family name must not be empty");
        }
    }

    /** A plain map ({@code name}, {@code type}, {@code help}) for scripts and JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("type", type.name());
        map.put("help", help);
        return map;
    }
}
