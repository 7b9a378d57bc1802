package io.opsstack.opensearch.model.snapshot;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A registered snapshot repository.
 *
 * @param name     repository name
 * @param type     repository type, e.g. {@code fs}
 * @param settings flattened repository settings, e.g. {@code location}
 */
public record SnapshotRepository(String name, String type, Map<String, String> settings) implements Serializable {

    public SnapshotRepository {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        settings = Map.copyOf(Objects.requireNonNull(settings, "settings"));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("type", type);
        map.put("settings", new TreeMap<>(settings));
        return map;
    }
}
