package io.opsstack.opensearch.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Settings of one index with flattened keys ({@code index.routing.allocation.require.temp});
 * list values are joined with commas.
 */
public record IndexSettings(String index, Map<String, String> settings) implements Serializable {

    public IndexSettings {
        Objects.requireNonNull(index, "index");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The value of {@code key}, or null when it is not set on the index. */
    public String get(String key) {
        return settings.get(key);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("settings", new LinkedHashMap<>(new TreeMap<>(settings)));
        return m;
    }
}
