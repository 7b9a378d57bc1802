package io.opsstack.api.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A parsed {@code /metrics} page: families in order of first appearance, plus the warnings for
 * skipped or repaired lines. Lookups match the series name exactly ({@code x_bucket}, not {@code x})
 * and take label filters as pairs: {@code value("vm_rows", "type", "storage/small")}.
 */
public record MetricsPage(List<MetricFamily> families, List<ParseWarning> warnings) implements Serializable {
    public MetricsPage {
        families = List.copyOf(families);
        warnings = List.copyOf(warnings);
    }

    /** The family called {@code name} (for a histogram or summary, its base name). */
    public Optional<MetricFamily> family(String name) {
        for (MetricFamily family : families) {
            if (family.name().equals(name)) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    /** All samples named {@code name} carrying every given label pair, in page order. */
    public List<Sample> samples(String name, String... labelPairs) {
        Sample.checkLabelPairs(labelPairs);
        List<Sample> matching = new ArrayList<>();
        for (MetricFamily family : families) {
            for (Sample sample : family.samples()) {
                if (sample.name().equals(name) && sample.hasLabels(labelPairs)) {
                    matching.add(sample);
                }
            }
        }
        return List.copyOf(matching);
    }

    /** The value of the first sample named {@code name} carrying every given label pair. */
    public OptionalDouble value(String name, String... labelPairs) {
        List<Sample> matching = samples(name, labelPairs);
        return matching.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(matching.get(0).value());
    }

    /** The sum of all samples named {@code name} carrying every given label pair; 0 when none match. */
    public double sum(String name, String... labelPairs) {
        double sum = 0;
        for (Sample sample : samples(name, labelPairs)) {
            sum += sample.value();
        }
        return sum;
    }

    /** A plain map ({@code families}, {@code warnings}) for scripts and JSON. */
    public Map<String, Object> toMap() {
        List<Map<String, Object>> familyMaps = new ArrayList<>(families.size());
        for (MetricFamily family : families) {
            familyMaps.add(family.toMap());
        }
        List<Map<String, Object>> warningMaps = new ArrayList<>(warnings.size());
        for (ParseWarning warning : warnings) {
            warningMaps.add(warning.toMap());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("families", familyMaps);
        map.put("warnings", warningMaps);
        return map;
    }
}
