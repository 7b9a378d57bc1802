package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One {@code {"name":..., "value":...}} entry of the TSDB status. */
public record NameCount(String name, long value) implements Serializable {

    public NameCount {
        Objects.requireNonNull(name, "name");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("value", value);
        return map;
    }
}
