package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The flags a component reports on {@code /flags}: those set on its command line (or environment),
 * names without the leading dash, values unquoted. Array flags given several times are joined with
 * commas, as VictoriaMetrics prints them; secret flags show VictoriaMetrics' placeholder
 * {@code secret}.
 *
 * @param values flag name to value, in the order of the page
 */
public record ComponentFlags(Map<String, String> values) implements Serializable {

    public ComponentFlags {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a flag ({@code "retentionPeriod"} or {@code "-retentionPeriod"}). */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(strip(name)));
    }

    /** A list flag split at commas, blanks dropped; empty when not set. */
    public List<String> list(String name) {
        String value = values.get(strip(name));
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return List.copyOf(items);
    }

    /** The {@code -storageNode} list of a vminsert or vmselect, as given (ports not added). */
    public List<String> storageNodes() {
        return list("storageNode");
    }

    public Map<String, Object> toMap() {
        return new LinkedHashMap<>(values);
    }

    private static String strip(String name) {
        Objects.requireNonNull(name, "name");
        return name.startsWith("-") ? name.substring(1) : name;
    }
}
