package io.opsstack.api.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A metric family with its samples in page order; a histogram's {@code _bucket}, {@code _sum} and
 * {@code _count} series (a summary's quantiles, {@code _sum} and {@code _count}) belong to one family.
 *
 * @param help unescaped {@code # HELP} text, empty when the page has none
 */
public record MetricFamily(String name, MetricType type, String help, List<Sample> samples) implements Serializable {
    public MetricFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(help, "help");
        samples = List.copyOf(samples);
    }

    /** The samples of this family whose series name is {@code sampleName}, e.g. {@code name + "_bucket"}. */
    public List<Sample> samples(String sampleName) {
        List<Sample> matching = new ArrayList<>();
        for (Sample sample : samples) {
            if (sample.name().equals(sampleName)) {
                matching.add(sample);
            }
        }
        return List.copyOf(matching);
    }

    /** A plain map ({@code name}, {@code type}, {@code help}, {@code samples} as maps). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("type", type.name());
        map.put("help", help);
        List<Map<String, Object>> sampleMaps = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            sampleMaps.add(sample.toMap());
        }
        map.put("samples", sampleMaps);
        return map;
    }
}
