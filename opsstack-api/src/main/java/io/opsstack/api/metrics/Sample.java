package io.opsstack.api.metrics;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;

/**
 * One sample line: series name, labels in page order, value and optional timestamp.
 *
 * @param name            the series name as written ({@code x_bucket}, {@code x_sum}, ...)
 * @param labels          label names to values, in the order of the page
 * @param value           the value; may be {@code NaN} or infinite
 * @param timestampMillis the explicit timestamp in milliseconds since the epoch, or {@code null} when the line has none
 */
public record Sample(String name, Map<String, String> labels, double value, Long timestampMillis)
        implements Serializable {

    public Sample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labels, "labels");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("sample name must not be empty");
        }
        labels.forEach((key, val) -> {
            Objects.requireNonNull(key, "label name");
            Objects.requireNonNull(val, "label value");
        });
        // Not Map.copyOf: the label order of the page is kept for display.
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /**
     * Whether every given label pair ({@code "name1", "value1", "name2", "value2", ...}) is present
     * with exactly that value; other labels may exist.
     *
     * @throws OpsValidationException if the pairs are not name/value pairs
     */
    public boolean hasLabels(String... labelPairs) {
        checkLabelPairs(labelPairs);
        for (int i = 0; i < labelPairs.length; i += 2) {
            if (!labelPairs[i + 1].equals(labels.get(labelPairs[i]))) {
                return false;
            }
        }
        return true;
    }

    /** A plain map ({@code name}, {@code labels}, {@code value}, {@code timestampMillis} when present). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("labels", new LinkedHashMap<>(labels));
        map.put("value", value);
        if (timestampMillis != null) {
            map.put("timestampMillis", timestampMillis);
        }
        return map;
    }

    static void checkLabelPairs(String... labelPairs) {
        if (labelPairs == null || labelPairs.length % 2 != 0) {
            throw new OpsValidationException("label pairs must be given as name, value, name, value, ...");
        }
        for (String part : labelPairs) {
            if (part == null) {
                throw new OpsValidationException("label names and values must not be null");
            }
        }
    }
}
